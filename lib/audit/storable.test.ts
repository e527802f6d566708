import { describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { appendAudit } from "./append";
import { beginAttempt, completeAttempt } from "./attempt";
import { queryAudit } from "./query";
import { ESCAPED_MARK, fromStored, isUnstorable, toStored } from "./storable";
import { testDatabases } from "@/tests/support/audit-log";
import { verifyAuditChain } from "./verify";

const ODD = [
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\udbff\u0000",
  "~esc:plain",
  "~esc:",
  'back\\slash "quoted" \n',
  "😀 paired",
  "",
  "plain",
];

describe("stored text", () => {
  it("turns every string back exactly, and stores nothing PostgreSQL refuses", () => {
    for (const text of ODD) {
      const stored = toStored(text);
      expect(fromStored(stored)).toBe(text);
      expect(isUnstorable(stored)).toBe(false);
    }
    expect(toStored("plain")).toBe("plain");
    expect(toStored("😀 paired")).toBe("😀 paired");
    expect(toStored("a\u0000b")).toBe(`${ESCAPED_MARK}a\\u0000b`);
    expect(toStored("\ud800")).toBe(`${ESCAPED_MARK}\\ud800`);
    expect(toStored("\ud800")).not.toBe(toStored("\ufffd"));
  });
});

const open = testDatabases();

describe.each(DATABASE_KINDS)("odd text in the audit log on %s", (kind) => {
  it("keeps a NUL and lone surrogates in text and jsonb columns exactly, and the chain verifies", async () => {
    const { db } = await open(kind);
    await appendAudit(db, {
      action: "key_observed_change",
      target: { serviceAccountId: "sa\u0000", keyId: "k\ud800", name: "a\u0000b" },
      changes: {
        name: { before: "x\ud800y", after: "x\ufffdy" },
        "odd\u0000key": { before: ["\udc00"], after: null },
      },
      reason: "why\u0000",
      outcome: "ok",
    });
    const attempt = await beginAttempt(db, {
      action: "key_updated",
      target: { serviceAccountId: "sa", keyId: "k", name: "~esc:looks escaped \ud800" },
    });
    await completeAttempt(db, attempt.id, { outcome: "ok" });

    const { entries } = await queryAudit(db);
    expect(entries[0]!.target.name).toBe("~esc:looks escaped \ud800");
    expect(entries[0]!.outcome).toBe("ok");
    expect(entries[1]).toMatchObject({
      target: { serviceAccountId: "sa\u0000", keyId: "k\ud800", name: "a\u0000b" },
      changes: {
        name: { before: "x\ud800y", after: "x\ufffdy" },
        "odd\u0000key": { before: ["\udc00"], after: null },
      },
      reason: "why\u0000",
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });

    // Filters with such text find those rows (and never make PostgreSQL refuse the query).
    expect((await queryAudit(db, { target: "k\ud800" })).entries.map((e) => e.id)).toEqual([entries[1]!.id]);
    expect((await queryAudit(db, { target: "\u0000b" })).entries.map((e) => e.id)).toEqual([entries[1]!.id]);
    expect((await queryAudit(db, { actor: "\u0000" })).entries).toEqual([]);
    expect((await queryAudit(db, { action: "key\u0000" })).entries).toEqual([]);
  });
});
