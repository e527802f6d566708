// The ranking: for each cause, a key set up that way and ElevenLabs' real error for it, the doctor
// names that cause first, with its evidence and a fix this role may or may not make.
import { describe, expect, it } from "vitest";
import { enableFix, suggestedLimit } from "./fixes";
import { historyFacts } from "./history";
import { findOperation } from "./operations";
import { parsePasted } from "./parse";
import { rankCauses, type DoctorFacts } from "./rank";
import { fixReason, ticketText } from "./ticket";
import type { KeyNow } from "./types";
import type { AuditEntry } from "@/lib/audit/types";

const TARGET = { connectionId: "demo-elevenlabs", group: "sa_1", keyId: "key_1" };
const NOW = new Date("2026-12-07T12:00:00Z");
const detail = (status: string, message: string) => JSON.stringify({ detail: { status, message } });
const INVALID = detail("invalid_api_key", "Invalid API key");

function keyWith(over: Partial<KeyNow> = {}): KeyNow {
  return {
    id: "key_1",
    name: "Widget TTS",
    group: "sa_1",
    enabled: true,
    disableReason: null,
    permissions: { kind: "permission_list", value: ["text_to_speech"] },
    characterLimit: { limit: 10_000, used: 1_200 },
    ipAllowlist: null,
    expiresAt: null,
    ...over,
  };
}

function facts(over: Partial<DoctorFacts> & { pasted?: string } = {}): DoctorFacts {
  const { pasted, ...rest } = over;
  return {
    target: TARGET,
    role: "admin",
    key: keyWith(),
    listedIds: new Set(["key_1", "key_2"]),
    history: { disabled: null, deleted: null, rotatedTo: null },
    signals: parsePasted(pasted),
    ip: null,
    operation: null,
    now: NOW,
    ...rest,
  };
}

describe("each cause, first, with its evidence and fix", () => {
  it("disabled: the audit log's when, who and why", () => {
    const { causes } = rankCauses(
      facts({
        pasted: INVALID,
        key: keyWith({ enabled: false }),
        history: {
          disabled: {
            at: "2026-11-29T10:00:00Z",
            by: "support@demo.keydesk",
            reason: "leaked in a public gist",
            outside: false,
          },
          deleted: null,
          rotatedTo: null,
        },
      }),
    );
    expect(causes[0]!.kind).toBe("disabled");
    expect(causes[0]!.evidence[0]).toBe(
      "Disabled on 2026-11-29 10:00 UTC by support@demo.keydesk: leaked in a public gist.",
    );
    expect(causes[0]!.fix).toMatchObject({
      kind: "enable",
      allowed: true,
      write: {
        method: "PATCH",
        url: "/api/service-accounts/sa_1/keys/key_1",
        body: { enabled: true, expected: { enabled: false } },
      },
    });
  });

  it("limit reached: used / limit, and a higher limit", () => {
    const { causes } = rankCauses(
      facts({
        pasted: detail(
          "quota_exceeded",
          "This request exceeds your quota of 10000. You have 0 credits remaining, while 140 credits are required for this request.",
        ),
        key: keyWith({ characterLimit: { limit: 10_000, used: 10_000 } }),
      }),
    );
    expect(causes[0]).toMatchObject({
      kind: "limit_reached",
      evidence: ["10,000 of 10,000 characters used this month."],
    });
    expect(causes[0]!.fix!.write!.body).toEqual({
      characterLimit: 20_000,
      expected: { characterLimit: 10_000 },
    });
  });

  it("IP outside the allowlist: matched as the tester does, the address from the error itself", () => {
    const { causes, checks } = rankCauses(
      facts({
        pasted: JSON.stringify({
          detail: {
            code: "ip_not_allowed",
            message: "Requests from IP address 198.51.100.23 are not allowed for this API key.",
          },
        }),
        ip: "198.51.100.23",
        key: keyWith({ ipAllowlist: ["203.0.113.0/24"] }),
      }),
    );
    expect(causes[0]!.kind).toBe("ip_not_allowed");
    expect(causes[0]!.evidence[0]).toContain("203.0.113.0/24");
    expect(causes[0]!.fix!.write!.body).toEqual({
      allowedIps: ["203.0.113.0/24", "198.51.100.23/32"],
      expected: { allowedIps: ["203.0.113.0/24"] },
    });
    expect(checks.find((c) => c.what === "IP allowlist")!.result).toBe("problem");
  });

  it("an address inside the allowlist is not a cause (an IPv4-mapped one included)", () => {
    const { causes, checks } = rankCauses(
      facts({ ip: "::ffff:203.0.113.7", key: keyWith({ ipAllowlist: ["203.0.113.0/24"] }) }),
    );
    expect(causes).toEqual([]);
    expect(checks.find((c) => c.what === "IP allowlist")!.detail).toContain("matches 203.0.113.0/24");
  });

  it("missing permission: from the operation picked, or from the error's own words", () => {
    const byOperation = rankCauses(facts({ operation: findOperation("voices_list") }));
    expect(byOperation.causes[0]).toMatchObject({
      kind: "missing_permission",
      title: "The key lacks the permission voices_read.",
    });
    const byError = rankCauses(
      facts({
        pasted: detail(
          "missing_permissions",
          "The API key you used is missing the permission voices_read to execute this operation.",
        ),
      }),
    );
    expect(byError.causes[0]!.kind).toBe("missing_permission");
    expect(byError.causes[0]!.fix!.write!.body).toEqual({
      permissions: ["text_to_speech", "voices_read"],
      expected: { permissions: ["text_to_speech"] },
    });
  });

  it("a key with every permission never lacks one", () => {
    const { causes } = rankCauses(
      facts({
        operation: findOperation("voices_list"),
        key: keyWith({ permissions: { kind: "permission_list", value: "all" } }),
      }),
    );
    expect(causes).toEqual([]);
  });

  it("deleted: who deleted it, and no write to offer", () => {
    const { causes } = rankCauses(
      facts({
        pasted: INVALID,
        key: null,
        history: {
          disabled: null,
          deleted: { at: "2026-12-01T09:30:00Z", by: "admin@demo.keydesk", reason: null, outside: false },
          rotatedTo: null,
        },
      }),
    );
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({
      kind: "deleted",
      evidence: ["Deleted on 2026-12-01 09:30 UTC by admin@demo.keydesk."],
    });
    expect(causes[0]!.fix!.write).toBeNull();
  });

  it("rotated away: the new key, and a link to it", () => {
    const { causes } = rankCauses(
      facts({
        pasted: INVALID,
        key: null,
        history: {
          disabled: null,
          deleted: { at: "2026-12-02T00:00:00Z", by: "admin@demo.keydesk", reason: null, outside: false },
          rotatedTo: { at: "2026-12-01T00:00:00Z", by: "admin@demo.keydesk", newKeyId: "key_2" },
        },
      }),
    );
    expect(causes[0]).toMatchObject({
      kind: "rotated",
      fix: { kind: "use_rotated_key", href: "/service-accounts/sa_1/keys/key_2", write: null },
    });
  });

  it("an expired DocSpace key", () => {
    const { causes } = rankCauses(
      facts({
        target: { connectionId: "c_docspace", group: null, keyId: "key_1" },
        key: keyWith({
          permissions: { kind: "scopes", value: "all" },
          characterLimit: undefined,
          ipAllowlist: undefined,
          expiresAt: "2026-12-01T00:00:00Z",
        }),
      }),
    );
    expect(causes[0]!.kind).toBe("expired");
  });
});

describe("ranking", () => {
  it("the pasted error moves the cause it agrees with first", () => {
    const key = keyWith({
      enabled: false,
      characterLimit: { limit: 100, used: 100 },
      ipAllowlist: ["10.0.0.0/8"],
    });
    const withoutError = rankCauses(facts({ key, ip: "192.0.2.1" })).causes.map((c) => c.kind);
    expect(withoutError).toEqual(["disabled", "limit_reached", "ip_not_allowed"]);
    const quota = rankCauses(facts({ key, ip: "192.0.2.1", pasted: "402 quota_exceeded" })).causes.map(
      (c) => c.kind,
    );
    expect(quota[0]).toBe("limit_reached");
  });

  it("what only the error says comes after what the key shows, and says the key disagrees", () => {
    const { causes } = rankCauses(
      facts({
        key: keyWith({ characterLimit: { limit: 100, used: 95 } }),
        pasted: detail(
          "missing_permissions",
          "The API key you used is missing the permission text_to_speech to execute this operation.",
        ),
      }),
    );
    expect(causes.map((c) => [c.kind, c.confirmed])).toEqual([
      ["limit_near", true],
      ["missing_permission", false],
    ]);
    expect(causes[1]!.title).toContain("has text_to_speech now");
  });

  it("a refused key that looks fine now points at the secret the caller sends", () => {
    const { causes } = rankCauses(facts({ pasted: INVALID }));
    expect(causes).toHaveLength(1);
    expect(causes[0]!.confirmed).toBe(false);
    expect(causes[0]!.evidence[0]).toContain("another key's secret");
  });
});

describe("who may fix", () => {
  it("support may only enable; a reviewer nothing", () => {
    const key = keyWith({ enabled: false, characterLimit: { limit: 100, used: 100 } });
    const support = rankCauses(facts({ role: "support", key })).causes;
    expect(support.map((c) => [c.fix!.kind, c.fix!.allowed])).toEqual([
      ["enable", true],
      ["raise_limit", false],
    ]);
    const reviewer = rankCauses(facts({ role: "reviewer", key })).causes;
    expect(reviewer.every((c) => !c.fix!.allowed)).toBe(true);
  });

  it("another connection's fix goes to its own endpoint, in its own field names", () => {
    const target = { connectionId: "c 1", group: "sa/2", keyId: "k 1" };
    expect(enableFix(target, "admin").write!.url).toBe("/api/connections/c%201/keys/k%201?group=sa%2F2");
    const { causes } = rankCauses(
      facts({
        target,
        ip: "192.0.2.1",
        key: keyWith({ ipAllowlist: ["10.0.0.0/8"], permissions: { kind: "permission_list", value: [] } }),
        operation: findOperation("user_get"),
      }),
    );
    expect(causes.map((c) => c.fix!.write!.body)).toEqual([
      { ipAllowlist: ["10.0.0.0/8", "192.0.2.1/32"], expected: { ipAllowlist: ["10.0.0.0/8"] } },
      {
        permissions: { kind: "permission_list", value: ["user_read"] },
        expected: { permissions: { kind: "permission_list", value: [] } },
      },
    ]);
  });
});

describe("the audit log's facts", () => {
  const entry = (over: Partial<AuditEntry>): AuditEntry =>
    ({
      id: 1,
      at: "2026-11-29T10:00:00.000Z",
      requestId: null,
      actor: { userId: "u", email: "support@demo.keydesk", role: "support" },
      ip: null,
      userAgent: null,
      action: "key_disabled",
      target: { connectionId: null, serviceAccountId: "sa_1", keyId: "key_1", name: "k", userId: null },
      changes: null,
      reason: "leaked",
      outcome: "ok",
      errorCode: null,
      upstreamStatus: null,
      upstreamRequestId: null,
      completionId: null,
      completedAt: null,
      ...over,
    }) as AuditEntry;

  it("takes the latest successful disable, a deletion seen outside, and the rotation that replaced the key", () => {
    const f = historyFacts("key_1", [
      entry({ action: "key_disabled", outcome: "error", reason: "failed one" }),
      entry({
        action: "key_observed_change",
        actor: { userId: null, email: null, role: null },
        changes: { presence: { before: "present", after: "absent" } },
      }),
      entry({ action: "key_rotated", changes: { createdKeyId: { before: null, after: "key_2" } } }),
      entry({
        action: "key_rotated",
        target: { connectionId: null, serviceAccountId: "sa_1", keyId: "key_0", name: "k", userId: null },
        changes: { createdKeyId: { before: null, after: "key_1" } },
      }),
      entry({ action: "key_disabled" }),
    ]);
    expect(f.disabled).toMatchObject({ reason: "leaked", by: "support@demo.keydesk" });
    expect(f.deleted).toMatchObject({ outside: true });
    expect(f.rotatedTo).toMatchObject({ newKeyId: "key_2" });
  });
});

describe("texts", () => {
  it("the ticket text and the fix's reason carry the diagnosis, never a secret", () => {
    const { causes, checks } = rankCauses(
      facts({
        key: keyWith({ enabled: false }),
        history: {
          disabled: {
            at: "2026-11-29T10:00:00Z",
            by: "a@b",
            reason: "sk_0123456789abcdef0123456789abcdef0123 leaked",
            outside: false,
          },
          deleted: null,
          rotatedTo: null,
        },
      }),
    );
    const reason = fixReason(causes[0]!);
    expect(reason.startsWith("Key doctor: The key is disabled.")).toBe(true);
    expect(reason).not.toMatch(/sk_[0-9a-f]{32}/);
    expect(reason.length).toBeLessThanOrEqual(500);
    const text = ticketText({
      keyName: "Widget",
      keyId: "key_1",
      connectionName: "Demo",
      checkedAt: NOW.toISOString(),
      understood: null,
      causes,
      checks,
    });
    expect(text).toContain("Most likely:\nThe key is disabled.");
    expect(text).toContain("- Enabled: PROBLEM (Disabled)");
  });

  it("suggests a limit that fits the month's use", () => {
    expect(suggestedLimit(10_000, 10_000)).toBe(20_000);
    expect(suggestedLimit(10_000, 25_001)).toBe(36_000);
  });
});

describe("DocSpace and Voiceable keys, from their capabilities", () => {
  const portal = { connectionId: "c_portal", group: null, keyId: "key_1" };
  const docspaceKey = (over: Partial<KeyNow> = {}) =>
    keyWith({
      permissions: { kind: "scopes", value: ["rooms:read"] },
      characterLimit: undefined,
      ipAllowlist: undefined,
      ...over,
    });

  it("an inactive DocSpace key: enabled through the connection's endpoint", () => {
    const { causes } = rankCauses(
      facts({ target: portal, key: docspaceKey({ enabled: false }), pasted: "401 Unauthorized" }),
    );
    expect(causes[0]!.fix!.write).toMatchObject({
      url: "/api/connections/c_portal/keys/key_1",
      body: { enabled: true },
    });
  });

  it("a missing scope, read from the error: added in the scopes model; one implied by another is no cause", () => {
    const { causes } = rankCauses(
      facts({ target: portal, key: docspaceKey(), pasted: "403 missing the scope files:read" }),
    );
    expect(causes[0]).toMatchObject({
      kind: "missing_permission",
      title: "The key lacks the scope files:read.",
    });
    expect(causes[0]!.fix!.write!.body).toEqual({
      permissions: { kind: "scopes", value: ["rooms:read", "files:read"] },
      expected: { permissions: { kind: "scopes", value: ["rooms:read"] } },
    });
    const implied = rankCauses(
      facts({
        target: portal,
        key: docspaceKey({ permissions: { kind: "scopes", value: ["files:write"] } }),
        pasted: "missing the scope files:read",
      }),
    );
    expect(implied.causes.every((c) => !c.confirmed)).toBe(true);
  });

  it("an origin or an assistant the key does not allow (Voiceable)", () => {
    const voiceable = keyWith({
      enabled: null,
      permissions: { kind: "key_type", value: "public" },
      characterLimit: undefined,
      ipAllowlist: undefined,
      allowedOrigins: ["https://shop.example"],
      assistants: ["as_1"],
    });
    const origin = rankCauses(
      facts({ key: voiceable, pasted: "403 Origin https://evil.example not allowed for this key" }),
    );
    expect(origin.causes[0]).toMatchObject({
      kind: "origin_not_allowed",
      title: "The caller's origin https://evil.example is not on the key's allowed origins.",
      evidence: ["The key allows only https://shop.example; the error names https://evil.example."],
    });
    const assistant = rankCauses(
      facts({ key: voiceable, pasted: "403 assistant as_9 is not allowed for this key" }),
    );
    expect(assistant.causes[0]!.kind).toBe("assistant_not_allowed");
    expect(rankCauses(facts({ key: voiceable })).checks.map((c) => c.what)).toEqual(["The key exists"]);
  });

  it("a DocSpace operation picked: the scope it needs; an ElevenLabs operation is not this key's", () => {
    const picked = rankCauses(
      facts({ target: portal, key: docspaceKey(), operation: findOperation("docspace_room_create") }),
    );
    expect(picked.causes[0]).toMatchObject({
      kind: "missing_permission",
      title: "The key lacks the scope rooms:write.",
      evidence: ["Create a room (POST /api/2.0/files/rooms) needs rooms:write; the key has rooms:read."],
    });
    const other = rankCauses(
      facts({ target: portal, key: docspaceKey(), operation: findOperation("voices_list") }),
    );
    expect(other.causes).toEqual([]);
    expect(other.checks.find((c) => c.what === "Scope")!.result).toBe("not_checked");
  });

  describe("Voiceable's fixes: the key's own PATCH, an admin's only", () => {
    const voice = { connectionId: "c_voice", group: null, keyId: "7" };
    const voiceableKey = keyWith({
      id: "7",
      group: null,
      enabled: null,
      permissions: { kind: "key_type", value: "public" },
      characterLimit: undefined,
      ipAllowlist: undefined,
      allowedOrigins: ["https://app.example"],
      assistants: ["as_1"],
      transient: false,
    });
    const rank = (pasted: string, role: "admin" | "support" = "admin") =>
      rankCauses(facts({ target: voice, key: voiceableKey, pasted, role })).causes;

    it("adds the origin the error names; none to add when the call had no origin", () => {
      const [first] = rank("403 Origin https://shop.example is not allowed for this API key.");
      expect(first!.fix).toMatchObject({ kind: "add_origin", allowed: true });
      expect(first!.fix!.write).toEqual({
        method: "PATCH",
        url: "/api/connections/c_voice/keys/7",
        body: {
          allowedOrigins: ["https://app.example", "https://shop.example"],
          expected: { allowedOrigins: ["https://app.example"] },
        },
      });
      const [none] = rank("403 A request without an Origin is not allowed for this API key.");
      expect(none).toMatchObject({ kind: "origin_not_allowed", confirmed: true, fix: null });
      expect(rank("403 Origin https://app.example is not allowed")[0]!.confirmed).toBe(false);
    });

    it("adds the assistant the error names, or turns on transient assistants", () => {
      expect(rank("403 Assistant as_9 is not allowed for this API key.")[0]!.fix!.write!.body).toEqual({
        assistants: { allowed: ["as_1", "as_9"] },
        expected: { assistants: { allowed: ["as_1"] } },
      });
      const [transient] = rank("403 Transient assistants are not allowed for this API key.");
      expect(transient).toMatchObject({ kind: "transient_not_allowed", confirmed: true });
      expect(transient!.fix!.write!.body).toEqual({
        assistants: { transient: true },
        expected: { assistants: { transient: false } },
      });
    });

    it("support sees each fix, and may make none of them", () => {
      for (const pasted of [
        "403 Origin https://shop.example is not allowed",
        "403 Assistant as_9 is not allowed",
        "403 Transient assistants are not allowed",
      ])
        expect(rank(pasted, "support")[0]!.fix!.allowed).toBe(false);
    });
  });
});
