// Test helpers for lib/keys (not used by the app): a real emulator over HTTP, the upstream client
// pointed at it, and a throwaway PGlite database, shared by one test file.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/lib/db/database";
import { auditLog, keyRotation, keySnapshot } from "@/lib/db/schema";
import { createUpstream } from "@/lib/elevenlabs/client";
import type { Fault } from "@/lib/emulator/elevenlabs/faults";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import type { Role } from "@/lib/roles";
import type { KeyActionContext, KeyDeps } from "@/lib/keys/types";

export const ADMIN_KEY = "adm_keys_tests_0123456789";

export interface Testbed {
  emulator: Emulator;
  deps: KeyDeps;
  database: Database;
  /** A fresh service account in an empty workspace, with the request log cleared. */
  serviceAccountId: string;
}

export function keyTestbed(): Testbed {
  const bed = {} as Testbed;
  beforeAll(async () => {
    bed.emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "empty", control: true });
    bed.database = await openDatabase({ kind: "pglite", dataDir: null });
    const upstream = createUpstream({
      baseUrl: bed.emulator.url,
      apiKey: ADMIN_KEY,
      timeoutMs: 500,
      retryPolicy: { retries: 1, baseDelayMs: 10, maxRetryAfterMs: 2_000 },
    });
    bed.deps = { upstream, db: bed.database.db };
  });
  afterAll(async () => {
    await bed.emulator?.close();
    await bed.database?.close();
  });
  beforeEach(async () => {
    bed.emulator.reset("empty");
    bed.serviceAccountId = (await bed.deps.upstream.createServiceAccount("Keys tests")).id;
    bed.emulator.log.clear();
  });
  return bed;
}

export function ctxAs(role: Role = "admin"): KeyActionContext {
  return {
    actor: { id: `user-${role}`, email: `${role}@example.com`, name: role, role },
    info: { requestId: randomUUID(), ip: "203.0.113.9", userAgent: "vitest" },
  };
}

export function inject(bed: Testbed, method: string, path: string, fault: Fault, count = 1) {
  bed.emulator.faults.add({ method, path, remaining: count, fault });
}

/** What reached the emulator, other than reads. */
export const writes = (bed: Testbed) => bed.emulator.log.list().filter((r) => r.method !== "GET");

export const auditOf = (bed: Testbed, ctx: KeyActionContext) =>
  bed.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.requestId, ctx.info.requestId))
    .orderBy(auditLog.id);

/** Every row Keydesk keeps (audit log, rotations, inventory snapshot), as one string, to scan for a secret. */
export async function everythingStored(bed: Testbed): Promise<string> {
  const db = bed.database.db;
  const [audit, rotations, snapshot] = await Promise.all([
    db.select().from(auditLog),
    db.select().from(keyRotation),
    db.select().from(keySnapshot),
  ]);
  return JSON.stringify({ audit, rotations, snapshot });
}

export const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e as Error & Record<string, unknown>,
  );
