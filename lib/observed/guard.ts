// Keydesk's own writes in flight. Between Keydesk's upstream write and its snapshot update (which
// lib/keys makes in one transaction with the attempt's completion row), a read can see the change Keydesk
// just made while the snapshot does not know of it yet. Such keys are left alone (nothing recorded,
// the snapshot untouched) while a Keydesk attempt on them has no completion and began within the
// window; the next read after the completion finds the snapshot already up to date.
import "server-only";
import { and, eq, gte, inArray, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { fromStored, toStored } from "@/lib/audit/storable";
import { auditLog } from "@/lib/db/schema";
import type { KeyAction } from "@/lib/audit/actions";
import { keyIdOf, serviceAccountOf, type Difference } from "./diff";
import type { Tx } from "./lock";
import { SNAPSHOT_PRIMARY, type Space } from "./space";

/**
 * Upstream writes time out in seconds, so an attempt older than this without a completion is one
 * whose process died: its outcome was never learned, and a change it made is fair to report.
 */
export const GUARD_WINDOW_MS = 5 * 60_000;

const KEY_WRITES = [
  "key_created",
  "key_rotated",
  "key_updated",
  "key_enabled",
  "key_disabled",
  "key_deleted",
] satisfies KeyAction[];
/** Their new key's id is not known when the attempt is written: they name the service account. */
const MAKES_A_KEY = new Set<string>(["key_created", "key_rotated"] satisfies KeyAction[]);

export interface InFlight {
  /** Keys a pending attempt names. */
  keyIds: Set<string>;
  /** Service accounts (groups; "" where the provider has none) in which a pending attempt is making a key. */
  makingKeysIn: Set<string>;
}

/**
 * The primary workspace's attempts are found by service account (rows written before migration
 * 0010 have no connection id; another connection's attempt in a service account of the same id only
 * makes this more careful). Another connection's, lib/connection-keys', by their connection id: a
 * provider without groups names none.
 */
function attemptsOf(space: Space, serviceAccountIds: readonly string[]) {
  return space.snapshotId === SNAPSHOT_PRIMARY
    ? inArray(auditLog.serviceAccountId, serviceAccountIds.map(toStored))
    : eq(auditLog.connectionId, toStored(space.auditConnectionId()));
}

export async function keydeskWritesInFlight(
  tx: Tx,
  space: Space,
  serviceAccountIds: readonly string[],
  now: number,
): Promise<InFlight> {
  const inFlight: InFlight = { keyIds: new Set(), makingKeysIn: new Set() };
  if (serviceAccountIds.length === 0) return inFlight;
  const completion = alias(auditLog, "completion");
  const pending = await tx
    .select({ action: auditLog.action, keyId: auditLog.keyId, serviceAccountId: auditLog.serviceAccountId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.outcome, "pending"),
        gte(auditLog.at, new Date(now - GUARD_WINDOW_MS).toISOString()),
        inArray(auditLog.action, KEY_WRITES),
        attemptsOf(space, serviceAccountIds),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(completion)
            .where(eq(completion.completes, auditLog.id)),
        ),
      ),
    );
  for (const row of pending) {
    if (row.keyId) inFlight.keyIds.add(fromStored(row.keyId));
    if (MAKES_A_KEY.has(row.action)) inFlight.makingKeysIn.add(fromStored(row.serviceAccountId ?? ""));
  }
  return inFlight;
}

/**
 * Whether Keydesk may be in the middle of making this difference itself. A new key is matched by
 * its service account, not its name (the name a create asked for may not be the one listed): an
 * outside key made there at the same moment is only recorded a little later, not lost.
 */
export function isInFlight(d: Difference, inFlight: InFlight): boolean {
  if (inFlight.keyIds.has(keyIdOf(d))) return true;
  return d.kind === "created" && inFlight.makingKeysIn.has(serviceAccountOf(d));
}
