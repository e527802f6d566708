// One read of every key, shared for a few seconds by the inventory, the overview and Find a key,
// across people and requests (lib/elevenlabs/recent-read.ts). What is kept is the upstream's answer
// and what the outside-change check made of it; each request still has its role checked by its
// route, and gets the rotations read now (Keydesk's rotation rows change after its upstream writes
// end, so they are not kept). Nothing kept differs by role or person.
//
// The outside-change check is untouched: a reused read is not checked again (it would find exactly
// what it found, lib/observed/read-memo.ts), so no change is recorded twice, and a change made
// outside during the reuse is recorded by the next read that goes upstream, as it would have been
// had nobody looked in those seconds. A read whose check failed is not kept.
import "server-only";
import type { Db } from "@/lib/db/database";
import { readChangeCounter } from "@/lib/db/change-counter";
import type { Upstream } from "@/lib/elevenlabs/client";
import { recentRead, type RecentRead } from "@/lib/elevenlabs/recent-read";
import type { KeyRotation, ServiceAccount } from "@/lib/elevenlabs/types";
import { env } from "@/lib/env";
import { observeServiceAccounts, rotationsOfRead, withFactsOf, type ObservedRead } from "@/lib/keys/list";
import type { KeyDeps } from "@/lib/keys";

export interface SharedAccounts {
  serviceAccounts: ServiceAccount[];
  /** When the upstream read began (ISO 8601). */
  generatedAt: string;
  /** The read began before this request asked (a kept answer, or one already in flight). */
  reused: boolean;
}

export interface SharedReadOptions {
  /** Only a read that begins after this request asked will do (the pages' Refresh, Find a key's retry). */
  fresh?: boolean;
  /** How long a read is reused (KEYDESK_SHARED_READ_MS unless given). */
  maxAgeMs?: number;
}

/** One per upstream and database (tests make their own of both). */
const reads = new WeakMap<Upstream, WeakMap<Db, RecentRead>>();

function recentFor({ upstream, db }: KeyDeps): RecentRead {
  let byDb = reads.get(upstream);
  if (!byDb) reads.set(upstream, (byDb = new WeakMap()));
  let recent = byDb.get(db);
  if (!recent) {
    recent = recentRead({
      now: () => performance.now(),
      epoch: () => upstream.writeEpoch(),
      // The snapshot's change counter: moved by every observed change, every change Keydesk records
      // as its own, here or in another Keydesk on the same PostgreSQL. Unreadable: never reuse.
      version: () => readChangeCounter(db, "key_snapshot").catch(() => Number.NaN),
    });
    byDb.set(db, recent);
  }
  return recent;
}

/** The shared read as it is kept, with the rotations read for this request. */
export interface SharedRead {
  /** Possibly shared with other requests: never changed in place. */
  read: ObservedRead;
  rotations: ReadonlyMap<string, KeyRotation>;
  /** When the upstream read began (ISO 8601). */
  generatedAt: string;
  /** The read began before this request asked (a kept answer, or one already in flight). */
  reused: boolean;
}

export async function readShared(
  deps: KeyDeps,
  { fresh, maxAgeMs = env().KEYDESK_SHARED_READ_MS }: SharedReadOptions = {},
): Promise<SharedRead> {
  const answer = await recentFor(deps).read<ObservedRead>(
    "service-accounts",
    // A new upstream call, not one already in flight: that one may have begun before a change
    // committed by another Keydesk, which the counter read just before this call has seen.
    () => observeServiceAccounts(deps, { startNew: true }),
    { maxAgeMs, fresh, keep: (read) => read.origins !== null },
  );
  return {
    read: answer.value,
    rotations: await rotationsOfRead(deps.db, answer.value),
    generatedAt: answer.value.readStartedAt.toISOString(),
    reused: answer.reused,
  };
}

/** Every service account with its keys (a copy of its own), from the shared read. */
export async function readSharedAccounts(
  deps: KeyDeps,
  options: SharedReadOptions = {},
): Promise<SharedAccounts> {
  const shared = await readShared(deps, options);
  return {
    serviceAccounts: withFactsOf(shared.read, shared.rotations),
    generatedAt: shared.generatedAt,
    reused: shared.reused,
  };
}
