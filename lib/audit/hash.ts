// The chain's arithmetic: a row's content in one canonical spelling, and its SHA-256. Each row's
// hash covers every column but id and hash itself, including prev_hash, so changing any field of
// any row, or removing one, breaks the chain from there on.
import { createHash } from "node:crypto";
import type { AuditRowContent } from "./types";

/** The prev_hash of the first row. */
export const GENESIS_HASH = "0".repeat(64);

/** The hashed columns, by their SQL names (stable even if the TypeScript names change). */
const HASHED_COLUMNS = [
  ["at", "at"],
  ["request_id", "requestId"],
  ["actor_user_id", "actorUserId"],
  ["actor_email", "actorEmail"],
  ["actor_role", "actorRole"],
  ["ip", "ip"],
  ["user_agent", "userAgent"],
  ["action", "action"],
  ["service_account_id", "serviceAccountId"],
  ["key_id", "keyId"],
  ["target_name", "targetName"],
  ["target_user_id", "targetUserId"],
  ["changes", "changes"],
  ["reason", "reason"],
  ["outcome", "outcome"],
  ["error_code", "errorCode"],
  ["upstream_status", "upstreamStatus"],
  ["upstream_request_id", "upstreamRequestId"],
  ["completes", "completes"],
  ["prev_hash", "prevHash"],
] as const satisfies readonly (readonly [string, keyof AuditRowContent | "prevHash"])[];

/**
 * JSON with object keys sorted at every depth. PostgreSQL's jsonb reorders keys, so the order a
 * value was written in must not matter to its hash.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type HashableRow = AuditRowContent & { prevHash: string };

/** The canonical text a row's hash is taken over. */
export function canonicalRow(row: HashableRow): string {
  const content: Record<string, unknown> = {};
  for (const [column, field] of HASHED_COLUMNS) content[column] = row[field] ?? null;
  // Added later (migration 0007): hashed only when set, so every row written before keeps its hash.
  if (row.details != null) content.details = row.details;
  // Added with connections (migration 0010): the same rule.
  if (row.connectionId != null) content.connection_id = row.connectionId;
  return canonicalJson(content);
}

export function hashRow(row: HashableRow): string {
  return createHash("sha256").update(canonicalRow(row)).digest("hex");
}
