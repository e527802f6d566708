// The audit log's connection: a filter on the row's connection id (exact, and also a removed
// connection's), and the CSV export's column that names it (its name now, or the id when it was
// removed). The page's table: components/audit/audit-table.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/database";
import { entry, testDatabases } from "@/tests/support/audit-log";
import { beginAttempt, completeAttempt } from "./attempt";
import { connectionLabel } from "./connection-label";
import { auditCsv } from "./export";
import { auditExportSchema, auditPageSchema } from "./filters";
import { collectAudit, queryAudit } from "./query";
import { seedAudit } from "./seed";

const open = testDatabases();
const NAMES = { "demo-elevenlabs": "Demo workspace (emulator)", "demo-docspace": "Demo DocSpace portal" };

/** A key write on a connection as lib/keys records one: an attempt, then its completion. */
async function attemptAndComplete(db: Db, connectionId: string): Promise<void> {
  const attempt = await beginAttempt(db, {
    action: "key_created",
    actor: { userId: "u1", email: "ada@example.com", role: "admin" },
    target: { connectionId, serviceAccountId: "sa_1", name: "made" },
  });
  await completeAttempt(db, attempt.id, { outcome: "ok" });
}

describe("the connection filter", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await open("pglite"));
    await seedAudit(db, [
      entry(1, { target: { connectionId: "demo-elevenlabs", keyId: "k1", name: "one" } }),
      entry(2, { target: { connectionId: "demo-docspace", keyId: "k2", name: "two" } }),
      entry(3, { target: { connectionId: "conn_removed", keyId: "k3", name: "three" } }),
      entry(4, { action: "sign_in", target: { userId: "u1", name: "ada@example.com" } }),
      entry(5, { target: { connectionId: "demo-elevenlabs", keyId: "k5", name: "five" } }),
    ]);
    await attemptAndComplete(db, "demo-docspace");
  }, 60_000);

  const names = async (filters: Parameters<typeof queryAudit>[1]) =>
    (await queryAudit(db, filters)).entries.map((e) => e.target.name);

  it("keeps only the rows of that connection, exactly, a removed one's too", async () => {
    expect(await names({ connection: "demo-elevenlabs" })).toEqual(["five", "one"]);
    expect(await names({ connection: "conn_removed" })).toEqual(["three"]);
    expect(await names({ connection: "demo" })).toEqual([]);
    expect((await names({})).length).toBe(6);
  });

  it("folds a completed attempt into its row, the connection kept", async () => {
    const [attempt] = (await queryAudit(db, { connection: "demo-docspace", action: "key_created" })).entries;
    expect(attempt).toMatchObject({ outcome: "ok", target: { connectionId: "demo-docspace" } });
    expect(await names({ connection: "demo-docspace" })).toEqual(["made", "two"]);
  });

  it("combines with the other filters, and the export collects the same rows", async () => {
    expect(await names({ connection: "demo-elevenlabs", target: "k5" })).toEqual(["five"]);
    const { entries } = await collectAudit(db, { connection: "demo-elevenlabs" });
    expect(entries.map((e) => e.target.name)).toEqual(["five", "one"]);
  });

  it("is read from the URL like the others: empty is no filter, a pasted secret is refused by name", () => {
    expect(auditPageSchema.parse({ connection: "" })).toEqual({ limit: 50 });
    expect(auditPageSchema.parse({ connection: "demo-docspace" })).toEqual({
      connection: "demo-docspace",
      limit: 50,
    });
    expect(auditExportSchema.parse({ format: "csv", connection: "conn_1" })).toEqual({
      format: "csv",
      connection: "conn_1",
    });
    const refused = auditPageSchema.safeParse({ connection: `sk_${"a1".repeat(24)}` });
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["connection"]);
    expect(auditPageSchema.safeParse({ connection: "x".repeat(101) }).success).toBe(false);
  });
});

describe("the connection column", () => {
  it("names a connection by its name now, a removed one by its id, and a row with none not at all", () => {
    expect(connectionLabel("demo-docspace", NAMES)).toBe("Demo DocSpace portal");
    expect(connectionLabel("conn_removed", NAMES)).toBe("conn_removed");
    expect(connectionLabel("toString", NAMES)).toBe("toString");
    expect(connectionLabel(null, NAMES)).toBeNull();
  });

  it("is in the CSV export, as the id and the name", async () => {
    const { db } = await open("pglite");
    await seedAudit(db, [
      entry(1, { target: { connectionId: "demo-docspace", keyId: "k1", name: "one" } }),
      entry(2, { target: { connectionId: "conn_removed", keyId: "k2", name: "two" } }),
      entry(3, { action: "sign_in", target: { userId: "u1", name: "ada@example.com" } }),
    ]);
    const csv = auditCsv((await queryAudit(db, {})).entries, NAMES);
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    const columns = header!.split(",");
    expect(columns.slice(columns.indexOf("action"), columns.indexOf("action") + 3)).toEqual([
      "action",
      "connection_id",
      "connection",
    ]);
    const at = columns.indexOf("connection");
    expect(rows.map((r) => r.split(",").slice(at - 1, at + 1))).toEqual([
      ["", ""],
      ["conn_removed", "conn_removed"],
      ["demo-docspace", "Demo DocSpace portal"],
    ]);
  });
});
