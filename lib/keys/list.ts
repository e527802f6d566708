// Reading: the whole inventory in one upstream call, or one service account's keys, each key with
// its rotation pairing from Keydesk's own table and its origin from the inventory snapshot. The two
// list reads are also where changes made outside Keydesk are noticed (lib/observed); readKey, used
// just before a write, is not: it would compare a read that Keydesk is about to change.
import "server-only";
import type { ApiKey, KeyOrigin, KeyRotation, ServiceAccount } from "@/lib/elevenlabs/types";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { observeOrWarn, withOrigins } from "@/lib/observed";
import { rotationsOf, withRotations } from "./pairing";
import type { KeyDeps } from "./types";
import { toPublicKeyWith, type ServiceAccountView } from "./view";
import type { Db } from "@/lib/db/database";

/** How a list read builds each key it answers, given the key's two read facts. */
type KeyShape<K> = (key: ApiKey, rotation: KeyRotation | null, origin: KeyOrigin | null) => K;

/** The whole-workspace read and what the outside-change check made of it, before rotations. */
export interface ObservedRead {
  /** The upstream's answer, possibly shared with other reads: never changed in place. */
  accounts: readonly ServiceAccount[];
  /** Each key's origin; null when the check failed (every origin unknown). */
  origins: ReadonlyMap<string, KeyOrigin> | null;
  /** When the upstream read began. */
  readStartedAt: Date;
}

export function listServiceAccounts(deps: KeyDeps): Promise<ServiceAccount[]> {
  return readAccounts(deps, withReadFacts);
}

/**
 * The same read as Keydesk's API sends it (view.ts), each key copied once, straight into its view:
 * at 10,000 keys a second copy of every key was a measurable part of the read.
 */
export function listServiceAccountViews(deps: KeyDeps): Promise<ServiceAccountView[]> {
  return readAccounts(deps, toPublicKeyWith);
}

/** A read of its own: the outside-change check and the rotations side by side, so that both ask
 * for the change counters at once and share one read of them. */
async function readAccounts<K>(deps: KeyDeps, shape: KeyShape<K>): Promise<ShapedAccount<K>[]> {
  const readStartedAt = new Date();
  const accounts = await deps.upstream.listServiceAccounts();
  const read = { accounts, readStartedAt };
  const [origins, rotations] = await Promise.all([
    observeOrWarn(deps.db, accounts, undefined, { readStartedAt }),
    rotationsOfRead(deps.db, read),
  ]);
  return shapeAccounts({ ...read, origins }, rotations, shape);
}

/**
 * Reads every service account and observes the read. lib/inventory/shared-read.ts keeps this part
 * for a few seconds; the rotations are added per request by withFactsOf.
 */
export async function observeServiceAccounts(
  { upstream, db }: KeyDeps,
  options?: { startNew?: boolean },
): Promise<ObservedRead> {
  const readStartedAt = new Date();
  const accounts = await upstream.listServiceAccounts(options);
  const origins = await observeOrWarn(db, accounts, undefined, { readStartedAt });
  return { accounts, origins, readStartedAt };
}

/**
 * The open rotations of the read's keys as they stand now: remembered only while the key_rotation
 * change counter stands still, so a rotation recorded after the read still shows.
 */
export function rotationsOfRead(
  db: Db,
  { accounts }: Pick<ObservedRead, "accounts">,
): Promise<Map<string, KeyRotation>> {
  return rotationsOf(db, () => accounts.flatMap((a) => a.keys.map((k) => k.id)), { remembered: true });
}

/** One copy of each key with both facts. */
export function withFactsOf(
  read: ObservedRead,
  rotations: ReadonlyMap<string, KeyRotation>,
): ServiceAccount[] {
  return shapeAccounts(read, rotations, withReadFacts);
}

type ShapedAccount<K> = { id: string; name: string; createdAt: string | null; keys: K[] };

/** Each key built once by `shape` (the upstream's answer may be shared with another read, so it is
 * never changed in place); observation failed: every origin unknown (null). */
function shapeAccounts<K>(
  { accounts, origins }: ObservedRead,
  rotations: ReadonlyMap<string, KeyRotation>,
  shape: KeyShape<K>,
): ShapedAccount<K>[] {
  // Most reads have no open rotation: no look-up per key then.
  const rotationOf = rotations.size > 0 ? (id: string) => rotations.get(id) ?? null : () => null;
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    createdAt: a.createdAt,
    keys: a.keys.map((key) => shape(key, rotationOf(key.id), origins?.get(key.id) ?? null)),
  }));
}

/**
 * A key with its rotation and origin, copied field by field: at 10,000 keys an object spread
 * with the two added was ten times slower. (A new required ApiKey field fails the type check here.)
 */
function withReadFacts(key: ApiKey, rotation: KeyRotation | null, origin: KeyOrigin | null): ApiKey {
  return {
    id: key.id,
    serviceAccountId: key.serviceAccountId,
    name: key.name,
    hint: key.hint,
    hashedSecret: key.hashedSecret,
    enabled: key.enabled,
    disableReason: key.disableReason,
    permissions: key.permissions,
    unknownPermissions: key.unknownPermissions,
    characterLimit: key.characterLimit,
    characterCount: key.characterCount,
    allowedIps: key.allowedIps,
    thirdPartyDisableAllowed: key.thirdPartyDisableAllowed,
    createdAt: key.createdAt,
    rotation,
    origin,
  };
}

export async function listKeys({ upstream, db }: KeyDeps, serviceAccountId: string): Promise<ApiKey[]> {
  const readStartedAt = new Date();
  const keys = await upstream.listKeys(serviceAccountId);
  const account: ServiceAccount = { id: serviceAccountId, name: "", createdAt: null, keys };
  const [origins, paired] = await Promise.all([
    observeOrWarn(db, [account], { serviceAccountIds: [serviceAccountId] }, { readStartedAt }),
    withRotations(db, keys, { remembered: true }),
  ]);
  return withOrigins(paired, origins);
}

/** One key with its rotation (the upstream has no "get one key": this reads the list). */
export async function readKey(
  { upstream, db }: KeyDeps,
  serviceAccountId: string,
  keyId: string,
): Promise<ApiKey> {
  const keys = await withRotations(db, await upstream.listKeys(serviceAccountId));
  const key = keys.find((k) => k.id === keyId);
  if (!key)
    throw new UpstreamError({
      kind: "not_found",
      message: "ElevenLabs has no such key (it may have been deleted).",
    });
  return key;
}
