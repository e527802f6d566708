import { describe, expect, it } from "vitest";
import type { InventoryKey } from "@/lib/inventory/types";
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { VOICEABLE_CAPABILITIES } from "@/lib/providers/voiceable/capabilities";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { policyBreaks } from "./evaluate";
import type { PolicyRule } from "./rules";
import { subjectOfIntended, subjectOfKey } from "./subject";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

const elevenKey = (over: Partial<InventoryKey> = {}): InventoryKey => ({
  id: "k1",
  serviceAccountId: "sa1",
  serviceAccountName: "Prod",
  name: "ci",
  hint: "abcd",
  enabled: true,
  permissions: ["text_to_speech"],
  characterLimit: 1000,
  characterCount: 10,
  allowedIps: ["203.0.113.0/24"],
  createdAt: daysAgo(10),
  disableReason: null,
  rotation: null,
  origin: "keydesk",
  ...over,
});

const rule = (kind: PolicyRule["kind"], limit: number | null = null): PolicyRule => ({
  kind,
  mode: "report",
  limit,
});
const kinds = (rules: PolicyRule[], key: InventoryKey, caps = ELEVENLABS_CAPABILITIES) =>
  policyBreaks(rules, subjectOfKey(key, caps), NOW).map((b) => b.kind);

describe("policyBreaks on an ElevenLabs key", () => {
  const all = [
    rule("network_restriction"),
    rule("no_unrestricted"),
    rule("max_monthly_limit", 5000),
    rule("max_expiry_days", 90),
    rule("rotated_within_days", 30),
    rule("no_unused_days", 30),
  ];

  it("a restricted, capped, recent, used key breaks nothing (expiry does not apply to ElevenLabs)", () => {
    expect(kinds(all, elevenKey())).toEqual([]);
  });

  it("names each rule the key breaks, with the reason in words", () => {
    const key = elevenKey({
      permissions: "all",
      allowedIps: null,
      characterLimit: null,
      characterCount: 0,
      createdAt: daysAgo(45),
    });
    const breaks = policyBreaks(all, subjectOfKey(key, null), NOW);
    expect(breaks.map((b) => b.kind)).toEqual([
      "network_restriction",
      "no_unrestricted",
      "max_monthly_limit",
      "rotated_within_days",
      "no_unused_days",
    ]);
    expect(breaks.find((b) => b.kind === "max_monthly_limit")).toMatchObject({
      rule: "Every key must have a monthly limit of at most 5,000 characters.",
      reason: "It has no monthly limit.",
      enforced: false,
    });
    expect(breaks.find((b) => b.kind === "no_unused_days")?.reason).toBe(
      "It is 45 days old and has not been used this month.",
    );
  });

  it("a limit above the rule's number breaks it; at the number it keeps it", () => {
    expect(kinds([rule("max_monthly_limit", 1000)], elevenKey({ characterLimit: 1000 }))).toEqual([]);
    expect(kinds([rule("max_monthly_limit", 999)], elevenKey({ characterLimit: 1000 }))).toEqual([
      "max_monthly_limit",
    ]);
  });
});

describe("policyBreaks on other providers", () => {
  const docspaceKey = (over: Partial<NonNullable<InventoryKey["details"]>> = {}): InventoryKey =>
    elevenKey({
      allowedIps: null,
      characterLimit: null,
      characterCount: null,
      details: {
        owner: "Ann",
        lastUsedAt: daysAgo(100),
        expiresAt: daysAgo(-200),
        access: { kind: "scopes", value: ["files:read"], unknown: [] },
        restrictions: {},
        ...over,
      },
    });

  it("DocSpace: no network rule or limit rule applies; expiry and last use do", () => {
    const rules = [
      rule("network_restriction"),
      rule("max_monthly_limit", 10),
      rule("max_expiry_days", 90),
      rule("no_unused_days", 90),
    ];
    expect(kinds(rules, docspaceKey(), DOCSPACE_CAPABILITIES)).toEqual(["max_expiry_days", "no_unused_days"]);
    expect(
      kinds(rules, docspaceKey({ expiresAt: null, lastUsedAt: daysAgo(1) }), DOCSPACE_CAPABILITIES),
    ).toEqual(["max_expiry_days"]);
  });

  it("DocSpace's * scope counts as unrestricted", () => {
    const key = docspaceKey({ access: { kind: "scopes", value: "all", unknown: [] } });
    expect(kinds([rule("no_unrestricted")], key, DOCSPACE_CAPABILITIES)).toEqual(["no_unrestricted"]);
  });

  it("Voiceable: an origin restriction keeps the network rule", () => {
    const key = (origins: string[]) =>
      elevenKey({
        allowedIps: null,
        details: {
          owner: null,
          lastUsedAt: null,
          expiresAt: null,
          access: { kind: "key_type", value: "public" },
          restrictions: { allowedOrigins: origins, assistants: { allowed: [], transient: false } },
        },
      });
    expect(kinds([rule("network_restriction")], key([]), VOICEABLE_CAPABILITIES)).toEqual([
      "network_restriction",
    ]);
    expect(
      kinds([rule("network_restriction")], key(["https://app.example"]), VOICEABLE_CAPABILITIES),
    ).toEqual([]);
  });
});

describe("subjectOfIntended (a create or change about to be sent)", () => {
  it("sees what the write would leave", () => {
    const rules = [rule("network_restriction"), rule("no_unrestricted"), rule("max_monthly_limit", 100)];
    const open = subjectOfIntended(
      { permissions: { kind: "permission_list", value: "all" }, characterLimit: null, ipAllowlist: null },
      ELEVENLABS_CAPABILITIES,
    );
    expect(policyBreaks(rules, open).map((b) => b.kind)).toEqual([
      "network_restriction",
      "no_unrestricted",
      "max_monthly_limit",
    ]);
    const tight = subjectOfIntended(
      {
        permissions: { kind: "permission_list", value: ["voices_read"] },
        characterLimit: 100,
        ipAllowlist: ["198.51.100.7/32"],
      },
      ELEVENLABS_CAPABILITIES,
    );
    expect(policyBreaks(rules, tight)).toEqual([]);
  });
});
