// Change counters (schema.ts changeCounter, migrations 0007 and 0008): read one to learn whether
// anything written to its tables since a remembered value. Equal values mean no write has been
// committed between the two reads, by anyone; read it BEFORE reading the rows it guards, so that a
// write in between can only make what is remembered look out of date, never make it look current.
//
// Every read needs some of them (the session check: `auth`; a list read: `key_snapshot` and
// `key_rotation`), each a query of its own before; changeCounters reads all of them in one query,
// and callers asking at the same time share it. Sharing never hands a caller a value read before it
// asked: a caller that arrives while a read is under way waits for the next one, which begins after
// that read ends (so after the caller asked); callers that arrive before a read begins join it.
import "server-only";
import { eq } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { changeCounter, type Schema } from "./schema";

export const COUNTER_NAMES = ["auth", "key_snapshot", "key_rotation"] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export type ChangeCounters = Readonly<Record<CounterName, number>>;

type AnyDb = PgDatabase<PgQueryResultHKT, Schema>;

/** The counter's value; -1 if its row is missing (never equal to a remembered value). */
export async function readChangeCounter(db: AnyDb, name: CounterName): Promise<number> {
  const [row] = await db
    .select({ value: changeCounter.value })
    .from(changeCounter)
    .where(eq(changeCounter.name, name));
  return row?.value ?? -1;
}

/** Every counter in one query; -1 for a missing row. */
export async function readChangeCounters(db: AnyDb): Promise<ChangeCounters> {
  const rows = await db.select({ name: changeCounter.name, value: changeCounter.value }).from(changeCounter);
  const values: Record<CounterName, number> = { auth: -1, key_snapshot: -1, key_rotation: -1 };
  for (const row of rows)
    if ((COUNTER_NAMES as readonly string[]).includes(row.name)) values[row.name as CounterName] = row.value;
  return values;
}

interface Shared {
  /** The read not begun yet, which callers join. */
  next: { promise: Promise<ChangeCounters>; begin: () => void } | null;
  /** Whether a read is under way (its callers are past joining). */
  running: boolean;
}

const shared = new WeakMap<AnyDb, Shared>();

/**
 * Every counter, read after this call began (never a value read earlier), in a query shared with
 * whoever else asks meanwhile. Not for a transaction: it must see its own writes, so it reads its own.
 */
export function changeCounters(db: AnyDb): Promise<ChangeCounters> {
  let state = shared.get(db);
  if (!state) shared.set(db, (state = { next: null, running: false }));
  if (state.next) return state.next.promise;
  const own = state;
  let begin!: () => void;
  const promise = new Promise<ChangeCounters>((resolve, reject) => {
    begin = () => {
      own.next = null;
      own.running = true;
      readChangeCounters(db)
        .then(resolve, reject)
        .finally(() => {
          own.running = false;
          own.next?.begin();
        });
    };
  });
  own.next = { promise, begin };
  // Callers in the same turn join it; one arriving while a read runs starts the next when it ends.
  if (!own.running) queueMicrotask(() => (own.next?.promise === promise ? begin() : undefined));
  return promise;
}
