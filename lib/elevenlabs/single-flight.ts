// Identical upstream reads made at the same time share one call: ten people opening the inventory
// at once cost ElevenLabs (and the SDK's parsing of 10,000 keys) one read, not ten. Nothing is kept
// once the read ends. A write closes the door: a read that begins after a write began never joins
// a read that began before it, so "change, then read back" always sees the change.
import "server-only";

export interface SingleFlight {
  /**
   * `call()`, or the same call already in flight under `key` since the last write began. With
   * `startNew`, never joins one already in flight (later reads may join the new call): for a reader
   * that must see every change committed before it asked, even one made by another process.
   */
  read<T>(key: string, call: () => Promise<T>, options?: { startNew?: boolean }): Promise<T>;
  /** Runs a write; reads in flight when it starts or ends are not joined by later reads. */
  write<T>(call: () => Promise<T>): Promise<T>;
  /**
   * Moves whenever a write begins or ends. Something read while it had one value is out of date
   * once it has another (recent-read.ts ends its reuse on it).
   */
  epoch(): number;
}

export function singleFlight(): SingleFlight {
  let generation = 0;
  const inFlight = new Map<string, { generation: number; promise: Promise<unknown> }>();
  return {
    read<T>(key: string, call: () => Promise<T>, options?: { startNew?: boolean }): Promise<T> {
      const joined = inFlight.get(key);
      if (joined && joined.generation === generation && !options?.startNew)
        return joined.promise as Promise<T>;
      const promise = call().finally(() => {
        if (inFlight.get(key)?.promise === promise) inFlight.delete(key);
      });
      inFlight.set(key, { generation, promise });
      return promise;
    },
    async write<T>(call: () => Promise<T>): Promise<T> {
      generation++;
      try {
        return await call();
      } finally {
        generation++;
      }
    },
    epoch: () => generation,
  };
}
