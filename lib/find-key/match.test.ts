import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ApiKey, ServiceAccount } from "@/lib/elevenlabs/types";
import { classifyQuery } from "./classify";
import { keyMatches, matchKeys } from "./match";
import { searchTerms } from "./terms";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const secretOf = (n: number, tail: string) => `sk_${String(n).padStart(44, "0")}${tail}`;

function key(id: string, name: string, secret: string, extra: Partial<ApiKey> = {}): ApiKey {
  return {
    id,
    serviceAccountId: "sa1",
    name,
    hint: secret.slice(-4),
    hashedSecret: sha(secret),
    enabled: true,
    disableReason: null,
    permissions: "all",
    unknownPermissions: [],
    characterLimit: null,
    characterCount: 0,
    allowedIps: null,
    thirdPartyDisableAllowed: null,
    createdAt: null,
    ...extra,
  };
}

const LEAKED = secretOf(1, "ab12");
const accounts: ServiceAccount[] = [
  {
    id: "sa1",
    name: "Backend",
    createdAt: null,
    keys: [
      key("KeyIdLeaked000000001", "prod-tts", LEAKED),
      key("KeyIdOther0000000002", "prod-tts-fallback", secretOf(2, "ab12")),
      key("KeyIdOff00000000003", "old-ab12-key", secretOf(3, "ffff"), { enabled: false }),
    ],
  },
  {
    id: "sa2",
    name: "Analytics",
    createdAt: null,
    keys: [key("KeyIdAb12xx00000004", "Prod-TTS", secretOf(4, "0000"))],
  },
];

/** What the server does, with the hash worked out here. */
function search(raw: string, cap?: number) {
  const query = classifyQuery(raw);
  return matchKeys(accounts, searchTerms(query, query.kind === "secret" ? sha(query.secret) : null), cap);
}
const summary = (raw: string) => search(raw).candidates.map((c) => [c.key.name, c.certainty, c.matchedBy]);

describe("a pasted secret", () => {
  it("matches its key exactly by SHA-256, and lists keys with the same last four characters below it as possible", () => {
    expect(summary(LEAKED)).toEqual([
      ["prod-tts", "exact", ["secret_hash"]],
      ["prod-tts-fallback", "possible", ["hint"]],
    ]);
  });

  it("compares the hash ignoring case, and only the hint when the hash is unknown", () => {
    const upper = matchKeys(
      [{ ...accounts[0]!, keys: [{ ...accounts[0]!.keys[0]!, hashedSecret: sha(LEAKED).toUpperCase() }] }],
      searchTerms(classifyQuery(LEAKED), sha(LEAKED)),
    );
    expect(upper.candidates[0]!.certainty).toBe("exact");
    const noHash = matchKeys(
      [{ ...accounts[0]!, keys: [{ ...accounts[0]!.keys[0]!, hashedSecret: "" }] }],
      searchTerms(classifyQuery(LEAKED), sha("")),
    );
    expect(noHash.candidates.map((c) => c.matchedBy)).toEqual([["hint"]]);
  });

  it("an unknown secret matches nothing but keys with its last four characters", () => {
    expect(summary(secretOf(9, "ab12"))).toEqual([
      ["prod-tts", "possible", ["hint"]],
      ["prod-tts-fallback", "possible", ["hint"]],
    ]);
    expect(search(secretOf(9, "9999"))).toEqual({ candidates: [], total: 0, omitted: 0 });
  });

  it("never compares an sk_ secret with names or ids, and never returns the hash", () => {
    const result = search(LEAKED);
    expect(JSON.stringify(result)).not.toContain(sha(LEAKED));
    expect(result.candidates[0]!.key).not.toHaveProperty("hashedSecret");
    expect(result.candidates[0]).toMatchObject({
      serviceAccount: { id: "sa1", name: "Backend" },
      key: { id: "KeyIdLeaked000000001", hint: "ab12", rotation: null },
    });
  });
});

describe("a long token (20+ characters, no spaces)", () => {
  it("is tried as a secret, and whole as a key id (exact) or a name (likely)", () => {
    expect(summary("KeyIdLeaked000000001")).toEqual([["prod-tts", "exact", ["key_id"]]]);
    const long: ServiceAccount = {
      id: "sa9",
      name: "Long",
      createdAt: null,
      keys: [key("id-9", "agent-analytics-readonly", secretOf(9, "9999"))],
    };
    const named = (raw: string) =>
      matchKeys([long], searchTerms(classifyQuery(raw), sha(raw))).candidates.map((c) => [
        c.certainty,
        c.matchedBy,
      ]);
    expect(named("Agent-Analytics-ReadOnly")).toEqual([["likely", ["name"]]]);
    // Taken for a secret, it is not looked for inside names: "analytics-readonly-x" finds nothing.
    expect(named("agent-analytics-readonly-x")).toEqual([]);
  });
});

describe("four characters", () => {
  it("match hints (possible), and names and ids that contain them (possible)", () => {
    // All equally possible: enabled keys first (the ones to act on), then by service account.
    expect(summary("AB12")).toEqual([
      ["Prod-TTS", "possible", ["key_id"]],
      ["prod-tts", "possible", ["hint"]],
      ["prod-tts-fallback", "possible", ["hint"]],
      ["old-ab12-key", "possible", ["name"]],
    ]);
  });
});

describe("a name or an id", () => {
  it("ranks the exact name (ignoring case) first, then names that contain the text, enabled keys first", () => {
    expect(summary("prod-tts")).toEqual([
      ["Prod-TTS", "likely", ["name"]],
      ["prod-tts", "likely", ["name"]],
      ["prod-tts-fallback", "possible", ["name"]],
    ]);
    expect(summary("TTS")).toEqual([
      ["Prod-TTS", "possible", ["name"]],
      ["prod-tts", "possible", ["name"]],
      ["prod-tts-fallback", "possible", ["name"]],
    ]);
  });

  it("matches an exact key id exactly and a part of one as possible (from four characters)", () => {
    expect(summary("KeyIdOff00000000003")).toEqual([["old-ab12-key", "exact", ["key_id"]]]);
    expect(summary("keyidoff")).toEqual([["old-ab12-key", "possible", ["key_id"]]]);
    expect(summary("Key")).toEqual([["old-ab12-key", "possible", ["name"]]]);
  });

  it("gives every reason a key matched, strongest first", () => {
    const [first] = matchKeys(accounts, searchTerms(classifyQuery("old-ab12-key"), null)).candidates;
    expect(first!.matches).toEqual([{ by: "name", certainty: "likely" }]);
    const both = keyMatches(key("prod-0001", "prod", "sk_x0001"), searchTerms(classifyQuery("0001"), null));
    expect(both).toEqual([
      { by: "key_id", certainty: "possible" },
      { by: "hint", certainty: "possible" },
    ]);
  });
});

describe("the cap", () => {
  it("returns at most the cap, strongest first, and says how many more matched", () => {
    const many: ServiceAccount = {
      id: "sa3",
      name: "Many",
      createdAt: null,
      keys: Array.from({ length: 60 }, (_, i) =>
        key(`id-${i}`, `bulk-${String(i).padStart(2, "0")}`, secretOf(100 + i, "beef")),
      ),
    };
    const result = matchKeys([many], searchTerms(classifyQuery("bulk"), null));
    expect(result.candidates).toHaveLength(50);
    expect(result.total).toBe(60);
    expect(result.omitted).toBe(10);
    expect(result.candidates[0]!.key.name).toBe("bulk-00");
    expect(search("prod", 1)).toMatchObject({ total: 3, omitted: 2 });
  });
});
