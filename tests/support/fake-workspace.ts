// Test helpers for lib/observed (not used by the app): keys and accounts as the upstream client
// hands them over, without an emulator, and the rows observation wrote.
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { auditLog, keySnapshot } from "@/lib/db/schema";
import type { ApiKey, ServiceAccount } from "@/lib/elevenlabs/types";
import { INVENTORY_BASELINE, OBSERVED_CHANGE } from "@/lib/observed/rows";

export function fakeKey(id: string, serviceAccountId: string, over: Partial<ApiKey> = {}): ApiKey {
  return {
    id,
    serviceAccountId,
    name: `key ${id}`,
    hint: "ab12",
    hashedSecret: "0".repeat(64),
    enabled: true,
    disableReason: null,
    permissions: ["text_to_speech"],
    unknownPermissions: [],
    characterLimit: 1000,
    characterCount: 0,
    allowedIps: ["10.0.0.0/24"],
    thirdPartyDisableAllowed: null,
    createdAt: null,
    ...over,
  };
}

export function fakeAccount(id: string, keys: ApiKey[]): ServiceAccount {
  return { id, name: `account ${id}`, createdAt: null, keys };
}

/** `accounts` service accounts of `keysEach` keys: ids "sa-<n>" and "sa-<n>-k<m>". */
export function fakeWorkspace(accounts: number, keysEach: number): ServiceAccount[] {
  return Array.from({ length: accounts }, (_, a) =>
    fakeAccount(
      `sa-${a}`,
      Array.from({ length: keysEach }, (_, k) =>
        fakeKey(`sa-${a}-k${k}`, `sa-${a}`, { name: `key-${k}`, characterLimit: 1000 + k }),
      ),
    ),
  );
}

/** Replaces one key of a workspace (a copy; the original is left as it was). */
export function withKey(
  accounts: ServiceAccount[],
  keyId: string,
  change: (key: ApiKey) => ApiKey | null,
): ServiceAccount[] {
  return accounts.map((a) => ({
    ...a,
    keys: a.keys.flatMap((k) => (k.id === keyId ? [change(k)].filter((x): x is ApiKey => x !== null) : [k])),
  }));
}

export const observedRows = (db: Db) =>
  db.select().from(auditLog).where(eq(auditLog.action, OBSERVED_CHANGE)).orderBy(asc(auditLog.id));
export const baselineRows = (db: Db) =>
  db.select().from(auditLog).where(eq(auditLog.action, INVENTORY_BASELINE)).orderBy(asc(auditLog.id));
export const snapshotOf = (db: Db, keyIds: string[]) =>
  db.select().from(keySnapshot).where(inArray(keySnapshot.keyId, keyIds));
export const auditCount = async (db: Db) => (await db.select({ id: auditLog.id }).from(auditLog)).length;
