// An audit row's free text in and out of its stored form (see storable.ts): every text column and
// every string inside `changes`. Ids, times and numbers pass through untouched.
import { fromStoredJson, fromStoredText, toStoredJson, toStoredText } from "./storable";
import type { AuditRowContent } from "./types";

const TEXT_COLUMNS = [
  "requestId",
  "actorUserId",
  "actorEmail",
  "actorRole",
  "ip",
  "userAgent",
  "serviceAccountId",
  "keyId",
  "targetName",
  "targetUserId",
  "reason",
  "errorCode",
  "upstreamRequestId",
] as const satisfies readonly (keyof AuditRowContent)[];

function mapRow<T extends AuditRowContent>(
  row: T,
  text: (t: string | null) => string | null,
  json: <V>(v: V) => V,
): T {
  const out = {
    ...row,
    action: text(row.action)!,
    outcome: text(row.outcome)!,
    changes: row.changes === null ? null : json(row.changes),
  };
  for (const column of TEXT_COLUMNS) (out as Record<string, unknown>)[column] = text(row[column] ?? null);
  return out;
}

/** As written to the table (and hashed). */
export const storedRow = <T extends AuditRowContent>(row: T): T => mapRow(row, toStoredText, toStoredJson);

/** As the upstream or the person gave it: for showing, exporting or copying into a new row. */
export const readableRow = <T extends AuditRowContent>(row: T): T =>
  mapRow(row, fromStoredText, fromStoredJson);
