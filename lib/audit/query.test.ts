import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/database";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { audited, beginAttempt } from "./attempt";
import { auditCsv } from "./export";
import { collectAudit, queryAudit } from "./query";
import { seedAudit } from "./seed";
import { testDatabases } from "@/tests/support/audit-log";
import type { AuditEntryInput } from "./types";
import { verifyAuditChain } from "./verify";

const open = testDatabases();
const BASE = Date.UTC(2025, 0, 1);
const ACTIONS = ["key.update", "key.create", "key.delete", "auth.sign_in"] as const;
const SEEDED = 2_000;

type Seed = AuditEntryInput & { at: string; i: number };

function seedEntries(): Seed[] {
  return Array.from({ length: SEEDED }, (_, i) => ({
    i,
    at: new Date(BASE + i * 60_000).toISOString(),
    action: ACTIONS[i % 4]!,
    actor: { userId: `u${i % 5}`, email: `User${i % 5}@Example.com`, role: i % 5 === 0 ? "admin" : "editor" },
    target:
      ACTIONS[i % 4] === "auth.sign_in"
        ? { userId: `u${i % 5}`, name: `user${i % 5}@example.com` }
        : {
            serviceAccountId: `sa_${i % 7}`,
            keyId: `key_${i % 50}`,
            name: i % 50 === 7 ? "Billing 50%_off" : `Key ${i % 50}`,
          },
    reason: null,
    outcome: i % 10 === 9 ? "error" : "ok",
    ...(i % 10 === 9 ? { errorCode: "validation", upstreamStatus: 422 } : {}),
  })) as Seed[];
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  let db: Db;
  let seeds: Seed[];
  let idOf: Map<number, number>; // seed index -> row id

  beforeAll(async () => {
    ({ db } = await open(kind));
    seeds = seedEntries();
    const rows = await seedAudit(db, seeds);
    idOf = new Map(rows.map((r, n) => [n, r.id]));
  }, 60_000);

  const expectedIds = (keep: (s: Seed) => boolean) =>
    seeds
      .filter(keep)
      .map((s) => idOf.get(s.i)!)
      .sort((a, b) => b - a);

  async function allIds(filters: Parameters<typeof queryAudit>[1] = {}, pageSize = 300) {
    const ids: number[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await queryAudit(db, { ...filters, before, limit: pageSize });
      ids.push(...page.entries.map((e) => e.id));
      pages += 1;
      if (page.nextCursor === null) return { ids, pages };
      expect(page.entries).toHaveLength(pageSize);
      expect(page.nextCursor).toBe(page.entries[pageSize - 1]!.id);
      before = page.nextCursor;
    }
  }

  it("seeds a verifiable chain of 2,000 rows", async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: SEEDED });
  });

  it("pages newest first with a keyset cursor, every row exactly once", async () => {
    const first = await queryAudit(db, { limit: 50 });
    expect(first.entries.map((e) => e.id)).toEqual(expectedIds(() => true).slice(0, 50));
    expect(first.entries[0]).toMatchObject({
      at: seeds[SEEDED - 1]!.at,
      action: ACTIONS[(SEEDED - 1) % 4],
      outcome: "error",
      errorCode: "validation",
    });
    const { ids, pages } = await allIds({}, 300);
    expect(pages).toBe(7);
    expect(ids).toEqual(expectedIds(() => true));
  });

  it("filters by actor: a user id exactly, or part of an email in any case", async () => {
    expect((await allIds({ actor: "u3" })).ids).toEqual(expectedIds((s) => s.i % 5 === 3));
    expect((await allIds({ actor: "user3@EXAMPLE" })).ids).toEqual(expectedIds((s) => s.i % 5 === 3));
    expect((await allIds({ actor: "u" })).ids).toEqual(expectedIds(() => true)); // "u" is in every email
    expect((await allIds({ actor: "nobody" })).ids).toEqual([]);
  });

  it("filters by action", async () => {
    const { ids, pages } = await allIds({ action: "key.delete" }, 100);
    expect(ids).toEqual(expectedIds((s) => s.action === "key.delete"));
    expect(pages).toBe(5);
  });

  it("filters by target: key id, service account id, user id, or part of a name", async () => {
    expect((await allIds({ target: "key_7" })).ids).toEqual(expectedIds((s) => s.target?.keyId === "key_7"));
    expect((await allIds({ target: "sa_2" })).ids).toEqual(
      expectedIds((s) => s.target?.serviceAccountId === "sa_2"),
    );
    expect((await allIds({ target: "u4" })).ids).toEqual(expectedIds((s) => s.target?.userId === "u4"));
    expect((await allIds({ target: "KEY 1" })).ids).toEqual(
      expectedIds((s) => /^Key 1/.test(s.target?.name ?? "")),
    );
    expect((await allIds({ target: "USER2@example" })).ids).toEqual(
      expectedIds((s) => s.target?.name === "user2@example.com"),
    );
    // LIKE wildcards in the search are literal characters
    expect((await allIds({ target: "50%_" })).ids).toEqual(
      expectedIds((s) => s.target?.name === "Billing 50%_off"),
    );
    expect((await allIds({ target: "%" })).ids).toEqual(
      expectedIds((s) => s.target?.name === "Billing 50%_off"),
    );
  });

  it("filters by an inclusive time range, and combines filters", async () => {
    const from = seeds[100]!.at;
    const to = seeds[399]!.at;
    expect((await allIds({ from, to })).ids).toEqual(expectedIds((s) => s.i >= 100 && s.i <= 399));
    expect((await allIds({ from: "2025-01-01T03:00:00+01:00" })).ids).toEqual(expectedIds((s) => s.i >= 120));
    const combined = { from, to, action: "key.update", actor: "USER1", target: "key " };
    expect((await allIds(combined, 7)).ids).toEqual(
      expectedIds(
        (s) =>
          s.i >= 100 &&
          s.i <= 399 &&
          s.action === "key.update" &&
          s.i % 5 === 1 &&
          /key /i.test(s.target?.name ?? ""),
      ),
    );
  });

  it("collects every filtered entry for export, and says when it stopped early", async () => {
    const all = await collectAudit(db, { action: "key.create" });
    expect(all.truncated).toBe(false);
    expect(all.entries.map((e) => e.id)).toEqual(expectedIds((s) => s.action === "key.create"));
    const capped = await collectAudit(db, { action: "key.create" }, 120);
    expect(capped.truncated).toBe(true);
    expect(capped.entries.map((e) => e.id)).toEqual(
      expectedIds((s) => s.action === "key.create").slice(0, 120),
    );
    const csv = auditCsv(all.entries).split("\r\n");
    expect(csv[0]).toMatch(/^id,at,request_id,actor_user_id/);
    expect(csv).toHaveLength(all.entries.length + 2); // header, rows, final empty line
  });

  it("folds completions into their attempts when paging", async () => {
    await audited(db, { action: "key.rename", target: { keyId: "key_new" } }, async () => 1);
    await beginAttempt(db, { action: "key.rename", target: { keyId: "key_new" } });
    await audited(db, { action: "key.rename", target: { keyId: "key_new" } }, async () => 2);
    const page = await queryAudit(db, { limit: 4 });
    expect(page.entries.map((e) => [e.action, e.outcome])).toEqual([
      ["key.rename", "ok"],
      ["key.rename", "unknown"],
      ["key.rename", "ok"],
      ["auth.sign_in", "error"],
    ]);
    expect(page.entries.every((e) => e.completionId === null || e.completionId > e.id)).toBe(true);
    expect((await allIds({ action: "key.rename" }, 2)).ids).toHaveLength(3);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: SEEDED + 5 });
  });
});
