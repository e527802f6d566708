import { describe, expect, it } from "vitest";
import { isPermission, PERMISSIONS } from "@/lib/permissions";
import { PRIVILEGED_PERMISSIONS, RISK_FLAG_INFO, riskFlags } from "./risk";
import { isRiskFlag, RISK_FLAGS } from "./types";
import { testKey } from "@/tests/support/inventory-rows";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { VOICEABLE_CAPABILITIES } from "@/lib/providers/voiceable/capabilities";
import type { ProviderCapabilities } from "@/lib/providers/types";

describe("RISK_FLAGS and RISK_FLAG_INFO", () => {
  it("lists the flags in the table's order", () => {
    expect(RISK_FLAGS).toEqual([
      "unrestricted",
      "privileged",
      "private_key",
      "no_allowlist",
      "any_origin",
      "all_assistants",
      "no_limit",
      "near_limit",
      "no_expiry",
      "expired",
      "disabled",
      "stale",
      "no_use_this_month",
      "rotating",
      "unseen",
    ]);
  });

  it("gives every flag a short label and a one-sentence explanation", () => {
    expect(Object.keys(RISK_FLAG_INFO).sort()).toEqual([...RISK_FLAGS].sort());
    for (const flag of RISK_FLAGS) {
      const { label, summary, explanation } = RISK_FLAG_INFO[flag];
      expect(label.length).toBeGreaterThan(0);
      expect(label.length).toBeLessThanOrEqual(20);
      expect(explanation).toMatch(/^[A-Z][^.]*\.$/);
      // The overview's one line under each count: short, and no sentence of its own.
      expect(summary).toMatch(/^[A-Z][^.]*[^.]$/);
      expect(summary.length).toBeLessThanOrEqual(50);
    }
    expect(new Set(RISK_FLAGS.map((f) => RISK_FLAG_INFO[f].label)).size).toBe(RISK_FLAGS.length);
  });

  it("knows its own flags and nothing else", () => {
    expect(isRiskFlag("no_allowlist")).toBe(true);
    expect(isRiskFlag("foo")).toBe(false);
    expect(isRiskFlag(undefined)).toBe(false);
  });
});

describe("PRIVILEGED_PERMISSIONS", () => {
  it("are real permissions, none of them read-only", () => {
    expect(PRIVILEGED_PERMISSIONS).toHaveLength(6);
    for (const p of PRIVILEGED_PERMISSIONS) {
      expect(isPermission(p)).toBe(true);
      expect(p.endsWith("_read")).toBe(false);
    }
  });
});

describe("riskFlags", () => {
  it("flags nothing on a restricted, allowlisted, capped, enabled key Keydesk made", () => {
    expect(riskFlags(testKey())).toEqual([]);
  });

  it("flags an unrestricted key as privileged too", () => {
    expect(riskFlags(testKey({ permissions: "all" }))).toEqual(["unrestricted", "privileged"]);
  });

  it.each(PRIVILEGED_PERMISSIONS)("flags %s as privileged but not unrestricted", (p) => {
    expect(riskFlags(testKey({ permissions: ["text_to_speech", p] }))).toEqual(["privileged"]);
  });

  it("does not call other writes, every non-privileged permission, or no permission privileged", () => {
    const others = PERMISSIONS.filter((p) => !(PRIVILEGED_PERMISSIONS as readonly string[]).includes(p));
    expect(riskFlags(testKey({ permissions: ["voices_write", "webhooks_write", "user_write"] }))).toEqual([]);
    expect(riskFlags(testKey({ permissions: others }))).toEqual([]);
    expect(riskFlags(testKey({ permissions: [] }))).toEqual([]);
  });

  it("flags a missing allowlist, but not an empty or filled one", () => {
    expect(riskFlags(testKey({ allowedIps: null }))).toEqual(["no_allowlist"]);
    expect(riskFlags(testKey({ allowedIps: [] }))).toEqual([]);
    expect(riskFlags(testKey({ allowedIps: ["10.0.0.0/8", "::1/128"] }))).toEqual([]);
  });

  it("flags a missing limit, and never calls an uncapped key near its limit", () => {
    expect(riskFlags(testKey({ characterLimit: null, characterCount: 10_000_000 }))).toEqual(["no_limit"]);
  });

  it.each([
    [100, 79, false],
    [100, 80, true],
    [100, 100, true],
    [100, 150, true],
    [100, null, false],
    [0, 0, true],
    [0, null, true],
    [0, 5, true],
    [1, 0, false],
  ])("limit %s, used %s: near_limit %s", (characterLimit, characterCount, near) => {
    expect(riskFlags(testKey({ characterLimit, characterCount })).includes("near_limit")).toBe(near);
  });

  describe("no use this month", () => {
    const now = Date.parse("2026-12-07T01:00:00Z");
    const unused = (
      overrides: Parameters<typeof testKey>[0] = {},
      caps: ProviderCapabilities | null = null,
    ) => riskFlags(testKey({ characterCount: 0, ...overrides }), caps, now).includes("no_use_this_month");

    it("flags an enabled key from before this month with no characters used this month", () => {
      expect(riskFlags(testKey({ characterCount: 0 }), null, now)).toEqual(["no_use_this_month"]);
      expect(unused({ createdAt: "2026-11-30T23:59:59Z" })).toBe(true);
      expect(unused({ createdAt: null })).toBe(true);
      expect(unused({}, ELEVENLABS_CAPABILITIES)).toBe(true);
    });

    it("does not flag a used key, an unknown count, or a key made this month", () => {
      expect(unused({ characterCount: 1 })).toBe(false);
      expect(unused({ characterCount: null })).toBe(false);
      expect(unused({ createdAt: "2026-12-01T00:00:00Z" })).toBe(false);
    });

    it("does not flag a key that cannot be used: disabled, or blocked by a limit of 0", () => {
      expect(unused({ enabled: false })).toBe(false);
      expect(unused({ characterLimit: 0 })).toBe(false);
      expect(unused({ characterLimit: null })).toBe(true);
    });

    it("follows the provider's capabilities: only where usage this month is reported", () => {
      expect(unused({}, DOCSPACE_CAPABILITIES)).toBe(false);
      expect(unused({}, VOICEABLE_CAPABILITIES)).toBe(false);
      const silent = { ...ELEVENLABS_CAPABILITIES, characterLimit: { reportsUsage: false } };
      expect(unused({}, silent)).toBe(false);
    });
  });

  it("flags disabled, rotating and outside keys", () => {
    expect(riskFlags(testKey({ enabled: false, disableReason: "exposed_publicly" }))).toEqual(["disabled"]);
    expect(
      riskFlags(
        testKey({ rotation: { role: "old", partnerKeyId: "key_2", startedAt: "2025-01-01T00:00:00Z" } }),
      ),
    ).toEqual(["rotating"]);
    expect(riskFlags(testKey({ origin: "outside" }))).toEqual(["unseen"]);
  });

  it("does not flag keys Keydesk made, found at first, or has no record of", () => {
    for (const origin of ["keydesk", "baseline", null] as const)
      expect(riskFlags(testKey({ origin }))).toEqual([]);
  });

  it("returns every flag, in RISK_FLAGS order, when all apply", () => {
    const worst = testKey({
      permissions: "all",
      allowedIps: null,
      characterLimit: null,
      enabled: false,
      rotation: { role: "new", partnerKeyId: "key_0", startedAt: "2025-01-01T00:00:00Z" },
      origin: "outside",
    });
    // The flags a key of the primary ElevenLabs workspace can have (others need other capabilities).
    const elevenlabs = RISK_FLAGS.filter((f) =>
      [
        "unrestricted",
        "privileged",
        "no_allowlist",
        "no_limit",
        "near_limit",
        "disabled",
        "rotating",
        "unseen",
      ].includes(f),
    );
    // near_limit needs a limit, which no_limit rules out; check it with a limit instead.
    expect(riskFlags(worst)).toEqual(elevenlabs.filter((f) => f !== "near_limit"));
    expect(riskFlags({ ...worst, characterLimit: 10, characterCount: 9 })).toEqual(
      elevenlabs.filter((f) => f !== "no_limit"),
    );
  });
});
