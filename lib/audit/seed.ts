// Filling the log fast, for tests and benchmarks only: many rows with chosen times, chained in
// memory and written with multi-row INSERTs under the same lock as every append.
import "server-only";
import type { Db } from "@/lib/db/database";
import { appendChained, entryColumns } from "./append";
import type { AuditEntryInput, AuditRow } from "./types";

export async function seedAudit(
  db: Db,
  entries: readonly (AuditEntryInput & { at?: string })[],
): Promise<AuditRow[]> {
  return appendChained(db, () => entries.map((e) => ({ ...entryColumns(e), ...(e.at ? { at: e.at } : {}) })));
}
