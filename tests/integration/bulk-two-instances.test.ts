// A bulk change on PostgreSQL whose instance dies mid-run (`kill -9`: its database connections are
// cut by the server, and nothing more from it ever reaches the database) right after a key's write
// reached ElevenLabs and before Keydesk recorded it. Another instance finishes the change: every key
// done exactly once upstream, one audit attempt per key, the key the dead run was on counted as done
// without a second write. Over real HTTP to the emulator. (On PGlite there is only ever one instance.)
import { and, eq, isNull, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool, type PoolClient } from "pg";
import { afterAll, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { bulkChangeJob } from "@/lib/bulk/job";
import { startBulkChange } from "@/lib/bulk/start";
import { bulkChangeSchema } from "@/lib/bulk/schema";
import { bulkChangeDetail } from "@/lib/bulk/view";
import { openDatabase, type Database } from "@/lib/db/database";
import { auditLog, schema } from "@/lib/db/schema";
import type { Upstream } from "@/lib/elevenlabs/client";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import type { Emulator } from "@/lib/emulator/elevenlabs/server";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { createPostgresDatabase, postgresUrl, POSTGRES_MISSING } from "@/tests/support/databases";
import {
  addUsers,
  ADMIN,
  bulkDeps,
  makeKeys,
  startEmulators,
  upstreamOf,
} from "@/tests/support/bulk-testbed";

const KEYS = 6;
/** The dead instance's write that is its last: it reaches ElevenLabs, then the process is gone. */
const LAST_WRITE = 3;
const APP_NAME = "keydesk-bulk-dying";

const engines: JobEngine[] = [];
const opened: Database[] = [];
const emulators: Emulator[] = [];
afterAll(async () => {
  for (const e of engines) await e.stop(1);
  for (const d of opened) await d.close();
  for (const e of emulators) await e.close();
});

it("runs against PostgreSQL, or says plainly why not", () => {
  if (!postgresUrl) console.warn(POSTGRES_MISSING);
  expect(postgresUrl ?? "missing").toBeTruthy();
});

const hang = () => new Promise<never>(() => undefined);

/** A pool whose every query, once `dead()`, never answers (its process is gone). */
function dyingPool(url: string, dead: () => boolean): Pool {
  const pool = new Pool({ connectionString: url, application_name: APP_NAME, max: 4 });
  pool.on("error", () => undefined);
  const cut = <T extends Pool | PoolClient>(target: T): T =>
    new Proxy(target, {
      get(t, p) {
        if (p === "query")
          return (...args: unknown[]) =>
            dead() ? hang() : (t.query as (...a: unknown[]) => unknown).apply(t, args);
        if (p === "connect" && t instanceof Pool)
          return async () => (dead() ? hang() : cut(await t.connect()));
        const value = Reflect.get(t, p, t) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
      },
    });
  return cut(pool);
}

it.runIf(postgresUrl)(
  "an instance dies mid-run; another finishes the change: every key done once, one audit attempt per key",
  { timeout: 180_000 },
  async () => {
    const url = await createPostgresDatabase();
    const { primary, other } = await startEmulators();
    emulators.push(primary, other);
    // The survivor opens (and migrates) the database first.
    const survivor = await openDatabase({ kind: "postgres", url });
    opened.push(survivor);
    await addUsers(survivor);
    const upstream = upstreamOf(primary);
    const { saId, keyIds } = await makeKeys(upstream, KEYS, "two");
    primary.log.clear();

    // Instance a: its own pool, cut at the moment its LAST_WRITE-th key write has reached ElevenLabs.
    let dead = false;
    const pool = dyingPool(url, () => dead);
    const dyingDb = drizzle(pool, { schema }) as unknown as Database["db"];
    const dying: Database = { db: dyingDb, kind: "postgres", close: async () => undefined };
    let writes = 0;
    const dyingUpstream = new Proxy(upstream, {
      get(t, p) {
        if (p !== "updateKey") return Reflect.get(t, p, t) as unknown;
        return async (...args: Parameters<Upstream["updateKey"]>) => {
          await t.updateKey(...args);
          if (++writes === LAST_WRITE) {
            dead = true;
            // As after kill -9: the server ends its sessions (and their locks); it never hears from it again.
            await survivor.db.execute(
              sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${APP_NAME}`,
            );
          }
        };
      },
    });
    const options = { expireInSeconds: 4, leaseSeconds: 2 };
    const a = createJobEngine(
      dying,
      [bulkChangeJob(async () => bulkDeps(dyingDb, dyingUpstream, other), options)],
      { pollSeconds: 0.5, maintenanceSeconds: 1 },
    );
    await a.start();
    const body = bulkChangeSchema.parse({
      action: "disable",
      reason: "Two instances test",
      keys: keyIds.map((keyId) => ({
        connectionId: primaryConnectionId(),
        keyId,
        saId,
        expected: { enabled: true },
      })),
    });
    const info = { requestId: randomUUID(), ip: null, userAgent: "vitest" };
    const { id } = await startBulkChange(dyingDb, a, { actor: { ...ADMIN }, info }, body);
    for (let i = 0; i < 300 && !dead; i++) await new Promise((r) => setTimeout(r, 100));
    expect(dead).toBe(true);
    const atDeath = await bulkChangeDetail(survivor.db, id, ADMIN);
    // The key whose write reached ElevenLabs is still marked as begun: the dead run never recorded it.
    expect(atDeath.keys[LAST_WRITE - 1]!.state).toBe("working");

    // Instance b: the dead run's time limit passes, pg-boss fails it, b's worker tries it again.
    const b = createJobEngine(
      survivor,
      [bulkChangeJob(async () => bulkDeps(survivor.db, upstream, other), options)],
      {
        pollSeconds: 0.5,
        maintenanceSeconds: 1,
      },
    );
    engines.push(b);
    await b.start();
    let detail = atDeath;
    for (let i = 0; i < 600 && detail.state !== "finished"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      detail = await bulkChangeDetail(survivor.db, id, ADMIN);
    }
    expect(detail.state).toBe("finished");
    expect(detail.keys.map((k) => k.state)).toEqual(keyIds.map(() => "done"));
    expect(detail.keys[LAST_WRITE - 1]!.message).toMatch(/on resuming/);

    // Upstream: each key written exactly once, all disabled.
    const patches = primary.log.list().filter((r) => r.method !== "GET");
    expect(patches).toHaveLength(KEYS);
    for (const keyId of keyIds) expect(patches.filter((p) => p.path.includes(keyId))).toHaveLength(1);
    for (const key of await upstream.listKeys(saId)) expect(key.enabled).toBe(false);

    // The audit log: one attempt per key, none twice.
    for (const keyId of keyIds) {
      const attempts = await survivor.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.keyId, keyId), eq(auditLog.action, "key_disabled"), isNull(auditLog.completes)),
        );
      expect(attempts, keyId).toHaveLength(1);
    }
  },
);
