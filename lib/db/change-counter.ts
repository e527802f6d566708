// Change counters (schema.ts changeCounter, migration 0007): read one to learn whether anything
// written to its tables since a remembered value. Equal values mean no write has been committed
// between the two reads, by anyone; read it BEFORE reading the rows it guards, so that a write in
// between can only make what is remembered look out of date, never make it look current.
import "server-only";
import { eq } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { changeCounter, type Schema } from "./schema";

export type CounterName = "auth" | "key_snapshot";

/** The counter's value; -1 if its row is missing (never equal to a remembered value). */
export async function readChangeCounter(
  db: PgDatabase<PgQueryResultHKT, Schema>,
  name: CounterName,
): Promise<number> {
  const [row] = await db
    .select({ value: changeCounter.value })
    .from(changeCounter)
    .where(eq(changeCounter.name, name));
  return row?.value ?? -1;
}
