// Rotation pairing: Keydesk's own record of "this new key replaces that old one". A rotation stays
// open until the old key is disabled or deleted through Keydesk (or the new one is deleted, which
// abandons it); while open, both keys carry `rotation` pointing at each other.
import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import { toIsoAt } from "@/lib/audit/at";
import type { Db } from "@/lib/db/database";
import { keyRotation } from "@/lib/db/schema";
import type { ApiKey, KeyRotation } from "@/lib/elevenlabs/types";
import { rememberedOpenRotations, selectOpenRotations, type OpenRotation } from "./open-rotations";

export type { OpenRotation };

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

/**
 * The open rotation of each key that is part of one, by key id; `presentKeyIds` (asked only when
 * some rotation is open) are the keys the caller holds. A rotation pairs its keys only while both
 * are present (a partner deleted outside Keydesk pairs nothing), and a key in several takes the
 * most recent, as old key before new. Built once per read, not looked up once per key. `remembered`:
 * from the open rotations as last read while none has changed (open-rotations.ts; list reads).
 */
export async function rotationsOf(
  db: Db,
  presentKeyIds: () => Iterable<string>,
  { remembered = false }: { remembered?: boolean } = {},
): Promise<Map<string, KeyRotation>> {
  const open = await (remembered ? rememberedOpenRotations(db) : selectOpenRotations(db));
  const found = new Map<string, KeyRotation>();
  if (open.length === 0) return found;
  const present = new Set(presentKeyIds());
  for (const r of open) {
    // Oldest first, so a later rotation replaces an earlier one.
    if (!present.has(r.oldKeyId) || !present.has(r.newKeyId)) continue;
    const startedAt = iso(r.startedAt);
    found.set(r.newKeyId, { role: "new", partnerKeyId: r.oldKeyId, startedAt });
    found.set(r.oldKeyId, { role: "old", partnerKeyId: r.newKeyId, startedAt });
  }
  return found;
}

/** The keys with their `rotation` filled in (null when not part of an open rotation). */
export async function withRotations(
  db: Db,
  keys: ApiKey[],
  options: { remembered?: boolean } = {},
): Promise<ApiKey[]> {
  const rotations = await rotationsOf(db, () => keys.map((k) => k.id), options);
  return keys.map((key) => ({ ...key, rotation: rotations.get(key.id) ?? null }));
}
