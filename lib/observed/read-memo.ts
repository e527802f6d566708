// What the last full comparison found unchanged, remembered per database and scope, so that the
// next read of the same keys need not load every snapshot row again (at 10,000 keys that load and
// the per-key states were most of an unchanged read's cost).
//
// A memo is the read's fingerprint (every field observation compares, of every key in scope), the
// snapshot's generation when that comparison began (lib/db/change-counter.ts: the `key_snapshot` counter, which every snapshot write moves
// in its own transaction, whoever writes), and the origins it answered. A later read answers from
// it only when both are equal: the same keys with the same compared values, and no snapshot write
// committed since, so the full comparison would find exactly what it found then. Anything else
// (a different read, this process's own change, another Keydesk on the same PostgreSQL, a hand-made
// fix) falls through to the full comparison, which remembers again when it finds nothing changed.
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/database";
import type { KeyOrigin, ServiceAccount } from "@/lib/elevenlabs/types";
import type { ObservationScope } from "./store";

interface Memo {
  fingerprint: string;
  generation: number;
  origins: ReadonlyMap<string, KeyOrigin>;
}

const memos = new WeakMap<Db, Map<string, Memo>>();
/** Scopes remembered per database (each service account's page is one; bounded all the same). */
const SCOPES_MAX = 256;

const scopeKey = (scope: ObservationScope) => (scope ? JSON.stringify(scope.serviceAccountIds) : "*");

/**
 * A hash of exactly what the comparison looks at, for the keys in scope, in the read's order:
 * each key's id and service account, and the raw values its state is made from (state.ts), as
 * JSON (an unambiguous spelling, whatever the text holds). Equal fingerprints mean equal states;
 * usage counts and hints are left out, so they cost no comparison.
 */
export function fingerprintOf(accounts: readonly ServiceAccount[], scope: ObservationScope): string {
  const wanted = scope ? new Set(scope.serviceAccountIds) : null;
  const compared: unknown[] = [];
  for (const account of accounts) {
    if (wanted && !wanted.has(account.id)) continue;
    for (const key of account.keys)
      compared.push([
        key.id,
        account.id,
        key.name,
        key.enabled,
        key.permissions,
        key.unknownPermissions,
        key.characterLimit ?? null,
        key.allowedIps ?? null,
      ]);
  }
  return createHash("sha256").update(JSON.stringify(compared)).digest("base64url");
}

/** The origins the full comparison would answer, if this read and the snapshot are as remembered. */
export function recall(
  db: Db,
  scope: ObservationScope,
  fingerprint: string,
  generation: number,
): Map<string, KeyOrigin> | null {
  const memo = memos.get(db)?.get(scopeKey(scope));
  if (!memo || memo.fingerprint !== fingerprint || memo.generation !== generation) return null;
  return new Map(memo.origins); // a copy: the caller may change its map
}

/** After a full comparison found `fingerprint`'s read equal to the snapshot as of `generation`. */
export function remember(
  db: Db,
  scope: ObservationScope,
  fingerprint: string,
  generation: number,
  origins: ReadonlyMap<string, KeyOrigin>,
): void {
  let scopes = memos.get(db);
  if (!scopes) memos.set(db, (scopes = new Map()));
  if (scopes.size >= SCOPES_MAX) scopes.clear();
  scopes.set(scopeKey(scope), { fingerprint, generation, origins: new Map(origins) });
}
