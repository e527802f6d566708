// An audit row's changes in words, one line per field: "Permissions: + Text to Speech, − Voices (read)",
// "Status: Enabled → Disabled", "Character limit: No limit → 10,000 characters a month". A create
// lists what the key was made with, a delete what it had. Pure and browser-safe: the table draws the
// lines, and a field or shape it does not know becomes compact text, never an error. The audit log
// never holds a secret, and nothing here adds one: only the row's own values are read.
import type { ConnectionNames } from "./connection-label";
import { connectionLabel } from "./connection-label";
import {
  compactJson,
  count,
  grantLabel,
  grantsText,
  instantText,
  listDiff,
  plainText,
  providerLabel,
  readGrants,
  shorten,
  words,
} from "./describe-values";
import type { AuditChanges } from "./types";

export interface ChangeLine {
  /** The field in words: "Permissions". */
  label: string;
  /** What happened to it, short enough for a table cell. */
  text: string;
  /** The same, never shortened (for a title); equal to `text` when nothing was cut. */
  full: string;
}

interface Context {
  connectionNames: ConnectionNames;
}

/** How one field reads: a value alone, and optionally what changed between two values. */
interface FieldWords {
  label: string;
  value: (v: unknown, ctx: Context) => string;
  /** Only for two set values; null when they mean the same. */
  diff?: (before: unknown, after: unknown, ctx: Context) => string | null;
}

/** Any value as plain text; a field's `value` takes a context, which must not reach plainText's depth. */
const text = (v: unknown) => plainText(v);

const stringList = (v: unknown): string[] | null => (Array.isArray(v) ? v.map(String) : null);

function listOr(empty: string) {
  return (v: unknown) => {
    if (v === null || v === undefined) return empty;
    const list = stringList(v);
    return list ? (list.length === 0 ? empty : list.join(", ")) : plainText(v);
  };
}

function listChanges(before: unknown, after: unknown): string | null {
  const was = stringList(before);
  const now = stringList(after);
  if (!was || !now || was.length === 0 || now.length === 0) return null;
  return listDiff(was, now) ?? "no change";
}

function characterLimit(v: unknown): string {
  const limit = v && typeof v === "object" && "limit" in v ? (v as { limit: unknown }).limit : v;
  if (limit === null || limit === undefined) return "No limit";
  if (limit === 0) return "Blocked (limit 0)";
  return typeof limit === "number" ? `${count(limit, "character")} a month` : plainText(limit);
}

function permissions(v: unknown): string {
  if (v === null || v === undefined) return "not set";
  const grants = readGrants(v);
  return grants ? grantsText(grants) : plainText(v);
}

function permissionChanges(before: unknown, after: unknown): string | null {
  const was = readGrants(before);
  const now = readGrants(after);
  if (was?.kind !== "list" || now?.kind !== "list") return null;
  return listDiff(was.values, now.values, grantLabel) ?? "no change";
}

function assistants(v: unknown): string {
  if (!v || typeof v !== "object") return plainText(v);
  const { allowed, transient } = v as { allowed?: unknown; transient?: unknown };
  const list = stringList(allowed);
  const which = list === null ? null : list.length === 0 ? "Every assistant" : list.join(", ");
  const extra = transient === true ? "transient allowed" : transient === false ? "no transient" : null;
  return [which, extra].filter(Boolean).join("; ") || plainText(v);
}

function exportText(v: unknown): string {
  if (!v || typeof v !== "object" || Array.isArray(v)) return plainText(v);
  const { rows, format, filters, truncated, unreadConnections, ...rest } = v as Record<string, unknown>;
  const parts = [
    typeof rows === "number" ? count(rows, "row") : null,
    typeof format === "string" ? `as ${format.toUpperCase()}` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const filterText = filters === undefined ? null : `filters: ${filtersText(filters)}`;
  return [
    parts || null,
    truncated === true ? "cut short at the export limit" : null,
    filterText,
    unreadConnections !== undefined ? `could not read: ${plainText(unreadConnections)}` : null,
    Object.keys(rest).length > 0 ? plainText(rest) : null,
  ]
    .filter(Boolean)
    .join(", ");
}

function filtersText(filters: unknown): string {
  if (filters === null || filters === undefined) return "none";
  if (typeof filters === "object" && !Array.isArray(filters)) {
    const set = Object.entries(filters as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && v !== null && v !== "",
    );
    if (set.length === 0) return "none";
    return set.map(([k, v]) => `${words(k)} ${plainText(v, 1)}`).join(", ");
  }
  const said = plainText(filters);
  return said === "empty" ? "none" : said;
}

function searchText(v: unknown): string {
  if (!v || typeof v !== "object") return plainText(v);
  const s = v as { candidates?: unknown; exact?: unknown; connections?: unknown };
  const found =
    typeof s.candidates === "number"
      ? `${count(s.candidates, "possible match", "possible matches")}${
          typeof s.exact === "number" ? `, ${count(s.exact, "exact match", "exact matches")}` : ""
        }`
      : "stopped before matching";
  const c = s.connections as { searched?: unknown; failed?: unknown } | undefined;
  const searched = stringList(c?.searched);
  const failed = stringList(c?.failed);
  const where = searched
    ? `; ${count(searched.length, "connection")} searched${failed && failed.length > 0 ? `, ${failed.length} could not be` : ""}`
    : "";
  return `Secret search: ${found}${where}`;
}

function connections(v: unknown, ctx: Context): string {
  if (v === "all") return "All connections";
  const list = stringList(v);
  if (!list) return plainText(v);
  if (list.length === 0) return "None";
  return list.map((id) => connectionLabel(id, ctx.connectionNames) ?? id).join(", ");
}

function connectionChanges(before: unknown, after: unknown, ctx: Context): string | null {
  const was = stringList(before);
  const now = stringList(after);
  if (!was || !now) return null;
  return listDiff(was, now, (id) => connectionLabel(id, ctx.connectionNames) ?? id) ?? "no change";
}

const capitalised = (v: unknown) =>
  typeof v === "string" && v !== "" ? v[0]!.toUpperCase() + v.slice(1) : plainText(v);

const FIELDS: Record<string, FieldWords> = {
  name: { label: "Name", value: text },
  enabled: {
    label: "Status",
    value: (v) => (v === true ? "Enabled" : v === false ? "Disabled" : plainText(v)),
  },
  disabled: {
    label: "Account",
    value: (v) => (v === true ? "Disabled" : v === false ? "Active" : plainText(v)),
  },
  permissions: { label: "Permissions", value: permissions, diff: permissionChanges },
  characterLimit: { label: "Character limit", value: characterLimit },
  allowedIps: { label: "IP allowlist", value: listOr("Any address"), diff: listChanges },
  ipAllowlist: { label: "IP allowlist", value: listOr("Any address"), diff: listChanges },
  allowedOrigins: { label: "Allowed origins", value: listOr("Any origin"), diff: listChanges },
  assistants: { label: "Assistants", value: assistants },
  expiresInDays: {
    label: "Expires",
    value: (v) => (v === null ? "Never" : typeof v === "number" ? `in ${count(v, "day")}` : plainText(v)),
  },
  expiresAt: {
    label: "Expires",
    value: (v) => (v === null ? "Never" : typeof v === "string" ? instantText(v) : plainText(v)),
  },
  role: { label: "Role", value: capitalised },
  email: { label: "Email", value: text },
  purpose: {
    label: "Link for",
    value: (v) => (v === "new_user" ? "a first password" : v === "reset" ? "a password reset" : plainText(v)),
  },
  provider: { label: "Provider", value: providerLabel },
  baseUrl: { label: "Address", value: text },
  connections: { label: "Connections", value: connections, diff: connectionChanges },
  export: { label: "Export", value: exportText },
  search: { label: "Search", value: searchText },
  keysRecorded: {
    label: "Keys recorded",
    value: (v) => (typeof v === "number" ? count(v, "key") : plainText(v)),
  },
  rotatedFrom: { label: "Replaces key", value: text },
  style: {
    label: "Rotation",
    value: (v) =>
      v === "in_place"
        ? "Secret replaced in place"
        : v === "twin"
          ? "New key made, then the old one deleted"
          : plainText(v),
  },
};

function fieldWords(field: string): FieldWords {
  return FIELDS[field] ?? { label: capitalised(words(field)), value: text };
}

/** Every change came from nothing (a create), or went to nothing (a delete). */
function direction(changes: AuditChanges): "created" | "deleted" | "changed" {
  const presence = changes.presence;
  if (presence?.before === "absent") return "created";
  if (presence?.after === "absent") return "deleted";
  const values = Object.values(changes);
  if (values.length > 0 && values.every((c) => c?.before === null || c?.before === undefined))
    return "created";
  if (values.length > 0 && values.every((c) => c?.after === null || c?.after === undefined)) return "deleted";
  return "changed";
}

function lineText(
  field: FieldWords,
  change: { before: unknown; after: unknown },
  way: ReturnType<typeof direction>,
  ctx: Context,
): string {
  const { before, after } = change;
  if (way === "created") return field.value(after, ctx);
  if (way === "deleted") return `was ${field.value(before, ctx)}`;
  const set = (v: unknown) => v !== null && v !== undefined;
  if (field.diff && set(before) && set(after)) {
    const diff = field.diff(before, after, ctx);
    if (diff !== null) return diff;
  }
  return `${field.value(before, ctx)} → ${field.value(after, ctx)}`;
}

/** The row's changes in words, in the order recorded; `presence` is said by the action instead. */
export function describeChanges(
  changes: AuditChanges | null | undefined,
  connectionNames: ConnectionNames = {},
): ChangeLine[] {
  if (!changes || typeof changes !== "object") return [];
  const ctx = { connectionNames };
  const way = direction(changes);
  return Object.entries(changes)
    .filter(([field]) => field !== "presence")
    .map(([field, change]) => {
      const words = fieldWords(field);
      let full: string;
      try {
        full =
          change && typeof change === "object" && "after" in change
            ? lineText(words, change, way, ctx)
            : plainText(change);
      } catch {
        // A shape no reader expected: shown as it is stored, never a broken page.
        full = compactJson(change);
      }
      return { label: words.label, text: shorten(full), full };
    });
}
