// What the last full comparison found unchanged, remembered per database and scope, so that the
// next read of the same keys need not load every snapshot row again (at 10,000 keys that load and
// the per-key states were most of an unchanged read's cost).
//
// A memo is what that read held of every field observation compares, for every key in scope, in
// the read's order (a copy: nothing another holder of the read does can change it), the snapshot's
// generation when that comparison began (lib/db/change-counter.ts: the `key_snapshot` counter, which
// every snapshot write moves in its own transaction, whoever writes), and the origins it answered.
// A later read answers from it only when both are equal: the same keys with the same compared
// values, and no snapshot write committed since, so the full comparison would find exactly what it
// found then. Anything else (a different read, this process's own change, another Keydesk on the
// same PostgreSQL, a hand-made fix) falls through to the full comparison, which remembers again
// when it finds nothing changed.
//
// The values are compared field by field, in place, rather than hashed: a read that matches costs
// no allocation at all (a hash of 10,000 keys' fields, spelled as JSON, was a fifth of a read).
import "server-only";
import type { Db } from "@/lib/db/database";
import type { ApiKey, KeyOrigin, ServiceAccount } from "@/lib/elevenlabs/types";
import type { ObservationScope } from "./store";

/** What observation compares of one key (state.ts makes its state from exactly these). */
interface Compared {
  id: string;
  serviceAccountId: string;
  name: string;
  enabled: boolean;
  permissions: "all" | readonly string[];
  unknownPermissions: readonly string[];
  characterLimit: number | null;
  allowedIps: readonly string[] | null;
}

interface Memo {
  keys: readonly Compared[];
  generation: number;
  origins: ReadonlyMap<string, KeyOrigin>;
}

const memos = new WeakMap<Db, Map<string, Memo>>();
/** Scopes remembered per database (each service account's page is one; bounded all the same). */
const SCOPES_MAX = 256;

const scopeKey = (scope: ObservationScope) => (scope ? JSON.stringify(scope.serviceAccountIds) : "*");

/** No unknown permissions (a key built by hand may leave the list out; its state is the same). */
const NONE: readonly string[] = [];

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameOptionalTexts = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === null || b === null ? a === b : sameTexts(a, b);

/** The key's compared values equal the remembered ones (order within a list counts, as it did). */
function sameKey(key: ApiKey, serviceAccountId: string, was: Compared): boolean {
  return (
    key.id === was.id &&
    serviceAccountId === was.serviceAccountId &&
    key.name === was.name &&
    key.enabled === was.enabled &&
    (key.permissions === "all" || was.permissions === "all"
      ? key.permissions === was.permissions
      : sameTexts(key.permissions, was.permissions)) &&
    sameTexts(key.unknownPermissions ?? NONE, was.unknownPermissions) &&
    (key.characterLimit ?? null) === was.characterLimit &&
    sameOptionalTexts(key.allowedIps ?? null, was.allowedIps)
  );
}

/** Every key in scope, in the read's order, with its service account's id. */
function* inScope(accounts: readonly ServiceAccount[], scope: ObservationScope) {
  const wanted = scope ? new Set(scope.serviceAccountIds) : null;
  for (const account of accounts) {
    if (wanted && !wanted.has(account.id)) continue;
    for (const key of account.keys) yield [account.id, key] as const;
  }
}

/** Whether `accounts` holds, in scope, exactly the remembered keys with the remembered values. */
function matches(accounts: readonly ServiceAccount[], scope: ObservationScope, memo: Memo): boolean {
  const wanted = scope ? new Set(scope.serviceAccountIds) : null;
  let i = 0;
  for (const account of accounts) {
    if (wanted && !wanted.has(account.id)) continue;
    for (const key of account.keys) {
      const was = memo.keys[i++];
      if (!was || !sameKey(key, account.id, was)) return false;
    }
  }
  return i === memo.keys.length;
}

/** The origins the full comparison would answer, if this read and the snapshot are as remembered. */
export function recall(
  db: Db,
  scope: ObservationScope,
  accounts: readonly ServiceAccount[],
  generation: number,
): ReadonlyMap<string, KeyOrigin> | null {
  const memo = memos.get(db)?.get(scopeKey(scope));
  if (!memo || memo.generation !== generation || !matches(accounts, scope, memo)) return null;
  return memo.origins; // shared, not copied (10,000 entries): read-only to every caller
}

/** After a full comparison found the read `accounts` equal to the snapshot as of `generation`. */
export function remember(
  db: Db,
  scope: ObservationScope,
  accounts: readonly ServiceAccount[],
  generation: number,
  origins: ReadonlyMap<string, KeyOrigin>,
): void {
  const keys: Compared[] = [];
  for (const [serviceAccountId, key] of inScope(accounts, scope))
    keys.push({
      id: key.id,
      serviceAccountId,
      name: key.name,
      enabled: key.enabled,
      permissions: key.permissions === "all" ? "all" : [...key.permissions],
      unknownPermissions: [...(key.unknownPermissions ?? NONE)],
      characterLimit: key.characterLimit ?? null,
      allowedIps: key.allowedIps ? [...key.allowedIps] : null,
    });
  let scopes = memos.get(db);
  if (!scopes) memos.set(db, (scopes = new Map()));
  if (scopes.size >= SCOPES_MAX) scopes.clear();
  // The origins are kept as given: read-only to whoever holds them (observeInventory answers them so).
  scopes.set(scopeKey(scope), { keys, generation, origins });
}
