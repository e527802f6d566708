// Test helpers for lib/bulk (not used by the app): the ElevenLabs emulator over real HTTP twice (the
// primary workspace, and another connection of the same provider), the upstream client pointed at
// the first, users in the database, and the deps a bulk run takes.
import { sql } from "drizzle-orm";
import type { BulkActDeps } from "@/lib/bulk/act";
import type { ConnectionDeps } from "@/lib/connections/list";
import type { Connection } from "@/lib/connections/types";
import type { Database, Db } from "@/lib/db/database";
import { user } from "@/lib/db/schema";
import { createUpstream, type Upstream } from "@/lib/elevenlabs/client";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";

export const PRIMARY_ADMIN_KEY = "adm_bulk_primary_0123456789";
export const OTHER_ADMIN_KEY = "adm_bulk_other_0123456789";
export const OTHER_ID = "bulk-other";

export const ADMIN = {
  id: "u_bulk_admin",
  email: "bulk-admin@example.com",
  name: "A",
  role: "admin" as const,
};
export const SUPPORT = {
  id: "u_bulk_support",
  email: "bulk-support@example.com",
  name: "S",
  role: "support" as const,
};

export async function startEmulators(): Promise<{ primary: Emulator; other: Emulator }> {
  const [primary, other] = await Promise.all([
    startEmulator({ adminKeys: [PRIMARY_ADMIN_KEY], seed: "empty", control: true }),
    startEmulator({ adminKeys: [OTHER_ADMIN_KEY], seed: "empty", control: true }),
  ]);
  return { primary, other };
}

export function upstreamOf(emulator: Emulator, apiKey = PRIMARY_ADMIN_KEY): Upstream {
  return createUpstream({
    baseUrl: emulator.url,
    apiKey,
    timeoutMs: 2_000,
    retryPolicy: { retries: 1, baseDelayMs: 10, maxRetryAfterMs: 2_000 },
  });
}

export function otherConnection(other: Emulator): Connection {
  return {
    id: OTHER_ID,
    name: "Other workspace",
    provider: "elevenlabs",
    baseUrl: other.url,
    source: "file",
    credentialHint: OTHER_ADMIN_KEY.slice(-4),
    createdAt: null,
    credential: async () => OTHER_ADMIN_KEY,
  };
}

export function bulkDeps(db: Db, upstream: Upstream, other: Emulator): BulkActDeps & { db: Db } {
  const connections: ConnectionDeps = {
    db,
    keys: () => {
      throw new Error("no stored connection here");
    },
    fixed: async () => [otherConnection(other)],
    check: async () => ({ ok: true, summary: "" }),
  };
  return { db, upstream: async () => upstream, connections };
}

export async function addUsers(database: Database): Promise<void> {
  await database.db.insert(user).values([ADMIN, SUPPORT]).onConflictDoNothing();
}

/** `n` keys in a new service account of `upstream`, all enabled: their ids and the account's. */
export async function makeKeys(
  upstream: Upstream,
  n: number,
  prefix = "bulk",
): Promise<{ saId: string; keyIds: string[] }> {
  const saId = (await upstream.createServiceAccount(`${prefix} account`)).id;
  const keyIds: string[] = [];
  for (let i = 0; i < n; i++)
    keyIds.push(
      (await upstream.createKey(saId, { name: `${prefix} key ${i}`, permissions: ["text_to_speech"] })).keyId,
    );
  return { saId, keyIds };
}

export const setRole = (db: Db, id: string, role: string) =>
  db.execute(sql`update "user" set role = ${role} where id = ${id}`);
