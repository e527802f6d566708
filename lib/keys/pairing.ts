// Rotation pairing: Keydesk's own record of "this new key replaces that old one". A rotation stays
// open until the old key is disabled or deleted through Keydesk (or the new one is deleted, which
// abandons it); while open, both keys carry `rotation` pointing at each other.
import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import { toIsoAt } from "@/lib/audit/at";
import type { Db } from "@/lib/db/database";
import { keyRotation } from "@/lib/db/schema";
import type { ApiKey, KeyRotation, ServiceAccount } from "@/lib/elevenlabs/types";

export type OpenRotation = typeof keyRotation.$inferSelect;

/** timestamptz as either driver spells it, as ISO 8601. */
const iso = (at: string) => toIsoAt(at);

export async function startRotation(
  db: Db,
  rotation: { serviceAccountId: string; oldKeyId: string; newKeyId: string; startedBy: string },
): Promise<OpenRotation> {
  const [row] = await db.insert(keyRotation).values(rotation).returning();
  return row!;
}

/** Open rotations that involve this key, as old or new. */
export async function openRotationsOf(db: Db, keyId: string): Promise<OpenRotation[]> {
  return db
    .select()
    .from(keyRotation)
    .where(
      and(
        isNull(keyRotation.finishedAt),
        or(eq(keyRotation.oldKeyId, keyId), eq(keyRotation.newKeyId, keyId)),
      ),
    );
}

/**
 * Finishes the open rotations this key ends: as the old key (disabled or deleted: the rotation is
 * done) or as the new key (deleted: the rotation is abandoned). Returns how many it finished.
 */
export async function finishRotations(db: Db, keyId: string, by: string, as: "old" | "any"): Promise<number> {
  const which =
    as === "old"
      ? eq(keyRotation.oldKeyId, keyId)
      : or(eq(keyRotation.oldKeyId, keyId), eq(keyRotation.newKeyId, keyId));
  const rows = await db
    .update(keyRotation)
    .set({ finishedAt: new Date().toISOString(), finishedBy: by })
    .where(and(isNull(keyRotation.finishedAt), which))
    .returning({ id: keyRotation.id });
  return rows.length;
}

function rotationFor(key: ApiKey, open: OpenRotation[], present: Set<string>): KeyRotation | null {
  // The most recent rotation whose partner still exists (one deleted outside Keydesk pairs nothing).
  for (const r of [...open].reverse()) {
    if (r.oldKeyId === key.id && present.has(r.newKeyId))
      return { role: "old", partnerKeyId: r.newKeyId, startedAt: iso(r.startedAt) };
    if (r.newKeyId === key.id && present.has(r.oldKeyId))
      return { role: "new", partnerKeyId: r.oldKeyId, startedAt: iso(r.startedAt) };
  }
  return null;
}

/** The keys with their `rotation` filled in (null when not part of an open rotation). */
export async function withRotations(db: Db, keys: ApiKey[]): Promise<ApiKey[]> {
  const open = await db
    .select()
    .from(keyRotation)
    .where(isNull(keyRotation.finishedAt))
    .orderBy(keyRotation.id);
  const present = new Set(keys.map((k) => k.id));
  return keys.map((key) => ({ ...key, rotation: rotationFor(key, open, present) }));
}

export async function accountsWithRotations(db: Db, accounts: ServiceAccount[]): Promise<ServiceAccount[]> {
  const keys = await withRotations(
    db,
    accounts.flatMap((a) => a.keys),
  );
  const byId = new Map(keys.map((k) => [k.id, k]));
  return accounts.map((a) => ({ ...a, keys: a.keys.map((k) => byId.get(k.id)!) }));
}
