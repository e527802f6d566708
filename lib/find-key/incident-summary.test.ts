import { describe, expect, it } from "vitest";
import { auditHrefForKey, incidentSummary, type DisabledKeyFacts } from "./incident-summary";

const facts = (overrides: Partial<DisabledKeyFacts> = {}): DisabledKeyFacts => ({
  key: { connectionId: "env-elevenlabs", group: "sa_1", keyId: "key_9", name: "leaked-in-a-gist" },
  connection: { name: "ElevenLabs workspace", providerLabel: "ElevenLabs" },
  by: { name: "Sam Support", email: "support@example.com" },
  at: new Date("2026-12-07T01:02:03.456Z"),
  reason: "leaked publicly",
  ...overrides,
});

describe("incidentSummary", () => {
  it("says which key, where, who, when in UTC, why, and links to the key and its audit rows", () => {
    expect(incidentSummary(facts(), "https://keydesk.example.com/")).toBe(
      [
        "Key disabled: leaked-in-a-gist (id key_9)",
        "Connection: ElevenLabs workspace (ElevenLabs)",
        "Disabled by: Sam Support <support@example.com>",
        "Disabled at: 2026-12-07T01:02:03.456Z",
        "Reason: leaked publicly",
        "Key page: https://keydesk.example.com/service-accounts/sa_1/keys/key_9",
        "Audit log for this key: https://keydesk.example.com/audit?target=key_9",
      ].join("\n"),
    );
  });

  it("links a key of another connection under that connection, with its group", () => {
    const text = incidentSummary(
      facts({
        key: { connectionId: "docspace-1", group: null, keyId: "k/1", name: "Portal" },
        connection: { name: "Docs", providerLabel: "ONLYOFFICE DocSpace" },
      }),
      "http://127.0.0.1:3000",
    );
    expect(text).toContain("Key page: http://127.0.0.1:3000/connections/docspace-1/keys/k%2F1\n");
    expect(text).toContain("Audit log for this key: http://127.0.0.1:3000/audit?target=k%2F1");
    expect(text).toContain("Connection: Docs (ONLYOFFICE DocSpace)");
  });

  it("keeps each fact on its own line when a name or reason has line breaks", () => {
    const text = incidentSummary(
      facts({ reason: "leaked\nReason: fine", key: { ...facts().key, name: "a\r\nb" } }),
      "https://k.example",
    );
    expect(text.split("\n")).toHaveLength(7);
    expect(text).toContain("Reason: leaked Reason: fine\n");
    expect(text).toContain("Key disabled: a b (id key_9)");
  });

  it("names the person by e-mail alone when they have no other name", () => {
    expect(incidentSummary(facts({ by: { name: "", email: "a@example.com" } }), "https://k")).toContain(
      "Disabled by: a@example.com\n",
    );
  });
});

describe("auditHrefForKey", () => {
  it("filters the audit log to the key's id", () => {
    expect(auditHrefForKey("key 1&x")).toBe("/audit?target=key+1%26x");
  });
});
