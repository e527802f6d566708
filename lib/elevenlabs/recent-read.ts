// A read's answer reused for a few seconds: the inventory, the overview and Find a key opened by
// many people within the same moments cost one upstream read (and one outside-change check), not
// one each. single-flight.ts shares a call while it is in flight; this keeps its answer a little
// longer, and ends the reuse as soon as it could be out of date:
// - any write through this process (the single flight's door: `epoch` moved), at once;
// - any committed change to what the answer was checked against (`version`: the database's
//   `key_snapshot` change counter, which another Keydesk's writes move too), read before every
//   reuse and before every new read starts, so a change committed before someone asked is seen;
// - age: the reader's `maxAgeMs` after the read began.
// An error is never kept, nor an answer `keep` refuses. "Change, then read back" always sees the
// change: the write moved the epoch (or the counter) before it answered.
import "server-only";

export interface RecentReadOptions {
  /** Milliseconds since some fixed moment, never going back (tests pass a fake clock). */
  now: () => number;
  /** Moves whenever a write through this process begins or ends. */
  epoch: () => number;
  /** What the answer depends on besides the upstream; NaN (never equal) when it cannot be read. */
  version: () => Promise<number>;
}

export interface RecentAnswer<T> {
  value: T;
  /** `now()` when the read began. */
  startedAt: number;
  /** True when the read began before this request asked (a kept answer, or one in flight). */
  reused: boolean;
}

export interface ReadOptions<T> {
  /** A kept answer is reused until this long after its read began (0: never). */
  maxAgeMs: number;
  /** Only a read that begins after this request asked will do (a Refresh, a retry). */
  fresh?: boolean;
  /** Whether an answer may be reused (e.g. not when part of it failed); joiners get it all the same. */
  keep?: (value: T) => boolean;
}

export interface RecentRead {
  read<T>(key: string, call: () => Promise<T>, options: ReadOptions<T>): Promise<RecentAnswer<T>>;
}

interface Entry {
  epoch: number;
  version: number;
  startedAt: number;
  promise: Promise<unknown>;
  settled: boolean;
}

export function recentRead(options: RecentReadOptions): RecentRead {
  const entries = new Map<string, Entry>();
  const drop = (key: string, entry: Entry) => {
    if (entries.get(key) === entry) entries.delete(key);
  };

  return {
    async read<T>(key: string, call: () => Promise<T>, readOptions: ReadOptions<T>) {
      const asked = options.now();
      const version = await options.version();
      const epoch = options.epoch();
      const found = entries.get(key);
      if (found && found.epoch === epoch && found.version === version) {
        const usable = found.settled
          ? !readOptions.fresh && asked - found.startedAt < readOptions.maxAgeMs
          : !readOptions.fresh || found.startedAt >= asked;
        if (usable)
          return {
            value: (await found.promise) as T,
            startedAt: found.startedAt,
            reused: found.startedAt < asked,
          };
      }

      const entry: Entry = { epoch, version, startedAt: options.now(), promise: call(), settled: false };
      entries.set(key, entry);
      try {
        const value = (await entry.promise) as T;
        entry.settled = true;
        if (readOptions.maxAgeMs <= 0 || (readOptions.keep && !readOptions.keep(value))) drop(key, entry);
        // The answer may be large (10,000 keys): let it go once it can no longer be reused.
        else setTimeout(() => drop(key, entry), readOptions.maxAgeMs).unref();
        return { value, startedAt: entry.startedAt, reused: false };
      } catch (error) {
        drop(key, entry);
        throw error;
      }
    },
  };
}
