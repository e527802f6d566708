// The anchors against an attacker with the database: rows cut off the end, a chain rewritten with
// recomputed hashes, a cut hidden under a later anchor, a forged line in the file. Real PGlite (and
// PostgreSQL when the run has one), real files, the real Ed25519 key; the key must appear nowhere.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, appendFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asc, gt, sql } from "drizzle-orm";
import { onAlert, type AlertEvent } from "@/lib/alerts/events";
import { auditLog } from "@/lib/db/schema";
import { readEnv } from "@/lib/env";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { entry, selectRows, tamper, testDatabases } from "@/tests/support/audit-log";
import { normaliseRow } from "./append";
import { anchorLine, signAnchor } from "./anchor-format";
import { anchorAuditLog, anchoringSigns, auditAnchorJob } from "./anchor-job";
import { anchorSetup, anchorSetupOf, DEMO_ANCHOR_KEY_FILE } from "./anchor-key";
import { verifyAuditLog } from "./anchor-verify";
import { GENESIS_HASH, hashRow } from "./hash";
import { seedAudit } from "./seed";
import type { Db } from "@/lib/db/database";

const open = testDatabases();
const { privateKey } = generateKeyPairSync("ed25519");
const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const rawKey = privateKey.export({ format: "der", type: "pkcs8" }).subarray(16);

const alerts: AlertEvent[] = [];
const stopListening = onAlert((event) => void alerts.push(event));
afterEach(() => {
  alerts.length = 0;
});
process.on("exit", stopListening);

function freshSetup() {
  const dir = mkdtempSync(join(tmpdir(), "keydesk-anchor-"));
  return anchorSetupOf(privateKey, null, join(dir, "anchors.jsonl"), "env");
}

async function withRows(kind: "pglite" | "postgres", n: number) {
  const { db } = await open(kind);
  const rows = await seedAudit(
    db,
    Array.from({ length: n }, (_, i) => entry(i)),
  );
  return { db, ids: rows.map((r) => r.id) };
}

/** An attacker's rewrite from `fromId` on: edit that row, then recompute every hash after it. */
async function rewriteFrom(db: Db, fromId: number) {
  const rows = (
    await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, fromId - 1))
      .orderBy(asc(auditLog.id))
  ).map(normaliseRow);
  let prevHash = rows[0]!.prevHash;
  for (const row of rows) {
    const changed = { ...row, prevHash, reason: row.id === fromId ? "nothing happened" : row.reason };
    const hash = hashRow(changed);
    await tamper(
      db,
      sql`update audit_log set reason = ${changed.reason}, prev_hash = ${prevHash}, hash = ${hash} where id = ${row.id}`,
    );
    prevHash = hash;
  }
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  it("an anchored log that only grew verifies, against every anchor", async () => {
    const setup = freshSetup();
    const { db } = await withRows(kind, 10);
    await anchorAuditLog(db, setup);
    await seedAudit(db, [entry(11), entry(12)]);
    await anchorAuditLog(db, setup);
    await seedAudit(db, [entry(13)]);
    const report = await verifyAuditLog(db, setup);
    expect(report).toMatchObject({ ok: true, rows: 13, anchor: { state: "ok", anchors: 2, problems: [] } });
    expect(report.anchor.last).toMatchObject({ rows: 12 });
    expect(alerts.filter((a) => a.kind === "audit_chain_failed")).toEqual([]);
  });

  it("rows cut off the end: the chain alone says intact, the last anchor says which rows are missing", async () => {
    const setup = freshSetup();
    const { db, ids } = await withRows(kind, 120);
    const { anchor } = await anchorAuditLog(db, setup);
    await tamper(db, sql`delete from audit_log where id > ${ids[99]}`);
    const report = await verifyAuditLog(db, setup);
    expect(report.ok).toBe(true); // what verify.ts could not see
    expect(report.anchor.state).toBe("failed");
    expect(report.anchor.problems).toEqual([
      {
        kind: "missing_rows",
        from: 101,
        to: 120,
        anchorAt: anchor.at,
        message: `Rows 101–120 missing: the last anchor (at ${anchor.at}) counted 120 rows ending with hash ${anchor.lastHash}.`,
      },
    ]);
    const failed = alerts.filter((a) => a.kind === "audit_chain_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      severity: "urgent",
      body: expect.stringContaining("Rows 101–120 missing"),
    });
    // Pressing Verify again does not alert the same finding twice.
    await verifyAuditLog(db, setup);
    expect(alerts.filter((a) => a.kind === "audit_chain_failed")).toHaveLength(1);
  });

  it("a cut hidden under a later anchor (cut, signed again, grown) is still found by the earlier anchor", async () => {
    const setup = freshSetup();
    const { db, ids } = await withRows(kind, 20);
    const { anchor: first } = await anchorAuditLog(db, setup);
    await tamper(db, sql`delete from audit_log where id > ${ids[14]}`);
    // The next hourly run: it notices at once, and still signs what is there.
    const next = await anchorAuditLog(db, setup);
    expect(next.anchorProblemsBefore).toBe(1);
    expect(alerts.some((a) => a.kind === "audit_chain_failed")).toBe(true);
    await seedAudit(
      db,
      Array.from({ length: 10 }, (_, i) => entry(100 + i)),
    );
    await anchorAuditLog(db, setup);
    const report = await verifyAuditLog(db, setup);
    expect(report.ok).toBe(true);
    expect(report.anchor.problems).toEqual([
      expect.objectContaining({
        kind: "missing_rows",
        from: 16,
        to: 20,
        message: expect.stringMatching(
          new RegExp(`^Rows 16–20 missing: an earlier anchor \\(at ${first.at.replace(/\./g, "\\.")}\\)`),
        ),
      }),
    ]);
  });

  it("a chain rewritten with recomputed hashes: the chain checks out, the anchored row's hash does not", async () => {
    const setup = freshSetup();
    const { db, ids } = await withRows(kind, 10);
    const { anchor } = await anchorAuditLog(db, setup);
    await rewriteFrom(db, ids[4]!);
    const report = await verifyAuditLog(db, setup);
    expect(report.ok).toBe(true);
    expect(report.anchor.problems).toEqual([
      expect.objectContaining({
        kind: "rewritten",
        rowId: ids[9],
        message: expect.stringContaining(
          `Row ${ids[9]} was rewritten: the anchor of ${anchor.at} recorded its hash as ${anchor.lastHash}`,
        ),
      }),
    ]);
  });

  it("a forged anchor line is refused and said so; the genuine one still stands", async () => {
    const setup = freshSetup();
    const { db, ids } = await withRows(kind, 30);
    await anchorAuditLog(db, setup);
    // An attacker who can write the file and cut the log adds a line claiming the shorter log.
    await tamper(db, sql`delete from audit_log where id > ${ids[19]}`);
    const genuine = JSON.parse(readFileSync(setup.file, "utf8").trim()) as Record<string, unknown>;
    appendFileSync(
      setup.file,
      `${JSON.stringify({ ...genuine, rows: 20, lastId: ids[19], at: new Date().toISOString() })}\n`,
    );
    appendFileSync(setup.file, "not even json\n");
    const report = await verifyAuditLog(db, setup);
    expect(report.anchor.anchors).toBe(1);
    expect(report.anchor.problems.map((p) => p.message)).toEqual([
      "Anchor line 2 refused: its signature does not match its content (forged or edited).",
      "Anchor line 3 refused: it is not an anchor Keydesk wrote.",
      expect.stringMatching(/^Rows 21–30 missing: the last anchor/),
    ]);
  });

  it("the empty log is anchored too, and a missing file is 'none yet', not a failure", async () => {
    const setup = freshSetup();
    const { db } = await open(kind);
    expect((await verifyAuditLog(db, setup)).anchor).toMatchObject({ state: "none", problems: [] });
    const { anchor } = await anchorAuditLog(db, setup);
    expect(anchor).toMatchObject({ rows: 0, lastId: null, lastHash: GENESIS_HASH });
    expect((await verifyAuditLog(db, setup)).anchor).toMatchObject({ state: "ok", anchors: 1 });
  });

  it("the private key never reaches the file, an alert, the database or the server log", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keydesk-anchor-"));
    const e = readEnv({ ELEVENLABS_API_KEY: "x", KEYDESK_AUDIT_ANCHOR_KEY: pem, KEYDESK_DATA_DIR: dir });
    const setup = anchorSetup(e);
    const { db, ids } = await withRows(kind, 5);
    const written: string[] = [];
    const [out, err] = [process.stdout.write, process.stderr.write];
    const capture = (chunk: unknown) => (written.push(String(chunk)), true);
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      const job = auditAnchorJob(e, () => setup);
      expect(job.everySeconds).toBe(3600);
      await job.run({ db, periodStart: new Date() });
      await tamper(db, sql`delete from audit_log where id > ${ids[2]}`);
      await verifyAuditLog(db, setup);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    const tables = await selectRows<{ t: string }>(
      db,
      sql`select table_schema || '.' || table_name as t from information_schema.tables where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'`,
    );
    let everything = readFileSync(setup.file, "utf8") + JSON.stringify(alerts) + written.join("");
    for (const { t } of tables)
      everything += JSON.stringify(
        await selectRows(
          db,
          sql.raw(
            `select * from ${t
              .split(".")
              .map((p) => `"${p}"`)
              .join(".")}`,
          ),
        ),
      );
    expect(alerts.some((a) => a.kind === "audit_anchored")).toBe(true);
    const body = pem.split("\n").slice(1, -2).join("");
    for (const form of [body, body.slice(-30), rawKey.toString("base64"), rawKey.toString("hex")])
      expect(everything).not.toContain(form);
  });
});

describe("the setup", () => {
  it("demo mode makes one key in the data folder (0600) and keeps it", () => {
    const dir = mkdtempSync(join(tmpdir(), "keydesk-anchor-demo-"));
    const e = readEnv({ KEYDESK_DATA_DIR: dir });
    const first = anchorSetup(e);
    expect(first).toMatchObject({ source: "demo", file: join(dir, "audit-anchors.jsonl"), everyMinutes: 60 });
    expect(statSync(join(dir, DEMO_ANCHOR_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(anchorSetup(e).keyId).toBe(first.keyId);
    expect(anchoringSigns(e)).toBe(true);
  });

  it("real mode without a key: anchoring is off, the job has no schedule, and a run says what to set", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keydesk-anchor-real-"));
    const e = readEnv({ ELEVENLABS_API_KEY: "x", KEYDESK_DATA_DIR: dir });
    const setup = anchorSetup(e);
    expect(setup).toMatchObject({ source: "none", signingKey: null, publicKey: null });
    expect(anchoringSigns(e)).toBe(false);
    const job = auditAnchorJob(e, () => setup);
    expect(job.everySeconds).toBeNull();
    const { db } = await open("pglite");
    await expect(job.run({ db, periodStart: new Date() })).rejects.toThrow(/set KEYDESK_AUDIT_ANCHOR_KEY/);
    expect((await verifyAuditLog(db, setup)).anchor.state).toBe("off");
  });

  it("a public key alone checks anchors signed elsewhere, and signs none", async () => {
    const setup = freshSetup();
    const { db } = await withRows("pglite", 3);
    await anchorAuditLog(db, setup);
    const spki = setup.publicKey!.export({ format: "pem", type: "spki" }).toString();
    const e = readEnv({
      ELEVENLABS_API_KEY: "x",
      KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY: spki,
      KEYDESK_AUDIT_ANCHOR_FILE: setup.file,
    });
    const checking = anchorSetup(e);
    expect(anchoringSigns(e)).toBe(false);
    expect(checking).toMatchObject({ signingKey: null, keyId: setup.keyId });
    expect((await verifyAuditLog(db, checking)).anchor).toMatchObject({ state: "ok", anchors: 1 });
    // A line signed by a key that is not the one configured is refused, not believed.
    const stranger = generateKeyPairSync("ed25519").privateKey;
    const facts = { at: new Date().toISOString(), rows: 0, lastId: null, lastHash: GENESIS_HASH };
    appendFileSync(setup.file, `${anchorLine(signAnchor(facts, stranger, "f".repeat(16)))}\n`);
    expect((await verifyAuditLog(db, checking)).anchor.problems).toEqual([
      expect.objectContaining({ kind: "refused_line", line: 2, reason: "other_key" }),
    ]);
  });
});
