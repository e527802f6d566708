// The inventory as a file: CSV for spreadsheets, JSON for tools. Pure, so the browser can build the
// download from the rows it already shows, and a route handler can build the same file.
//
// CSV layout: one header row, then one row per key, nothing else: every spreadsheet and CSV
// reader opens it as-is, with no lines to skip. When the file was made and which filters chose its
// rows go in the last two columns (generated_at, filters), repeated on every row. That costs some
// bytes, but the context survives what people do with spreadsheets: sorting, filtering, and
// pasting a few rows into a ticket. A preamble above the header would be lost on the first sort
// and breaks readers that expect the header on line 1.
//
// Only the columns below are written, each read from a named field; nothing is spread from the
// row, so a secret or hashedSecret that reached a row object by accident cannot reach a file.
import { csvCell } from "@/lib/text/csv-cell";
import type { KeyRotation } from "@/lib/elevenlabs/types";
import type { KeyPermissions, KeyRestrictions, ProviderId } from "@/lib/providers/types";
import { describeFilters } from "./describe-filters";
import type { InventoryFilters } from "./filters";
import { accessOf } from "./risk";
import { accessSummary, restrictionText } from "./summaries";
import type { RiskFlag } from "./types";
import type { InventoryRow } from "./types";

export interface InventoryExportMeta {
  /** ISO 8601; passed in so the caller decides the clock (and tests can fix it). */
  generatedAt: string;
  filters: InventoryFilters;
  /** Service account names for the filter description; ids are shown without it. */
  accountNames?: ReadonlyMap<string, string>;
  /** Connection names for the filter description; ids are shown without it. */
  connectionNames?: ReadonlyMap<string, string>;
}

/** A key's permissions as words any model reads the same way: "all", or the names joined. */
function accessText(access: KeyPermissions): string {
  if (access.kind === "key_type") return access.value;
  return access.value === "all" ? "all" : access.value.join(" ");
}

const statusText = (enabled: boolean | null) =>
  enabled === null ? "no disable" : enabled ? "enabled" : "disabled";

function rotationText(rotation: KeyRotation | null): string {
  if (rotation === null) return "";
  return rotation.role === "old"
    ? `old (replaced by ${rotation.partnerKeyId})`
    : `new (replaces ${rotation.partnerKeyId})`;
}

const KEY_COLUMNS: [header: string, value: (row: InventoryRow) => string | number | null][] = [
  ["connection_id", (r) => r.connection?.id ?? null],
  ["connection_name", (r) => r.connection?.name ?? null],
  ["provider", (r) => r.connection?.provider ?? null],
  ["service_account_id", (r) => r.serviceAccountId],
  ["service_account_name", (r) => r.serviceAccountName],
  ["key_id", (r) => r.id],
  ["name", (r) => r.name],
  ["hint", (r) => r.hint],
  ["owner", (r) => r.details?.owner ?? null],
  ["status", (r) => statusText(r.enabled)],
  ["disable_reason", (r) => r.disableReason],
  // In the key's own model: ElevenLabs permissions, DocSpace scopes, or Voiceable's key type.
  ["permissions", (r) => accessText(accessOf(r))],
  ["permission_summary", (r) => accessSummary(accessOf(r))],
  ["character_limit", (r) => r.characterLimit],
  ["characters_used", (r) => r.characterCount],
  // Empty means any IP may use the key (no allowlist); the no_allowlist flag says so explicitly.
  ["allowlist", (r) => (r.allowedIps === null ? "" : r.allowedIps.join(" "))],
  ["origins", (r) => restrictionText(r.details?.restrictions, "allowedOrigins")],
  ["assistants", (r) => restrictionText(r.details?.restrictions, "assistants")],
  ["created_at", (r) => r.createdAt],
  ["expires_at", (r) => r.details?.expiresAt ?? null],
  ["last_used_at", (r) => r.details?.lastUsedAt ?? null],
  ["rotation", (r) => rotationText(r.rotation)],
  ["origin", (r) => r.origin],
  ["risk_flags", (r) => r.flags.join(" ")],
];

export const INVENTORY_CSV_HEADER = [...KEY_COLUMNS.map(([header]) => header), "generated_at", "filters"];

/** RFC 4180: CRLF line ends, quoted where needed; formula-like text neutralised by csvCell. */
export function inventoryCsv(rows: readonly InventoryRow[], meta: InventoryExportMeta): string {
  const context = [
    csvCell(meta.generatedAt),
    csvCell(describeFilters(meta.filters, meta.accountNames, meta.connectionNames)),
  ].join(",");
  const lines = [INVENTORY_CSV_HEADER.join(",")];
  for (const row of rows)
    lines.push(`${KEY_COLUMNS.map(([, value]) => csvCell(value(row))).join(",")},${context}`);
  return `${lines.join("\r\n")}\r\n`;
}

/** One key in the JSON export: structured values where the CSV has text. */
export interface InventoryJsonKey {
  connection: { id: string; name: string; provider: ProviderId } | null;
  serviceAccountId: string;
  serviceAccountName: string;
  id: string;
  name: string;
  hint: string;
  /** null: the provider has no disable. */
  enabled: boolean | null;
  owner: string | null;
  disableReason: string | null;
  /** ElevenLabs' permission list ([] for keys of other permission models: see access). */
  permissions: "all" | string[];
  /** The permissions in the key's own model. */
  access: KeyPermissions;
  permissionSummary: string;
  characterLimit: number | null;
  characterCount: number | null;
  /** null: any IP may use the key. */
  allowedIps: string[] | null;
  /** Origins and assistants, where the provider restricts those. */
  restrictions: Pick<KeyRestrictions, "allowedOrigins" | "assistants">;
  createdAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  rotation: KeyRotation | null;
  origin: InventoryRow["origin"];
  flags: RiskFlag[];
}

/** The filters spelled out in full: status null (not absent) when any status is kept. */
export type InventoryJsonFilters = Omit<InventoryFilters, "status"> & {
  status: NonNullable<InventoryFilters["status"]> | null;
};

export interface InventoryJsonDocument {
  generatedAt: string;
  filters: InventoryJsonFilters;
  filterDescription: string;
  count: number;
  keys: InventoryJsonKey[];
}

function jsonKey(r: InventoryRow): InventoryJsonKey {
  const access = accessOf(r);
  const restrictions = r.details?.restrictions;
  return {
    connection: r.connection
      ? { id: r.connection.id, name: r.connection.name, provider: r.connection.provider }
      : null,
    serviceAccountId: r.serviceAccountId,
    serviceAccountName: r.serviceAccountName,
    id: r.id,
    name: r.name,
    hint: r.hint,
    enabled: r.enabled,
    owner: r.details?.owner ?? null,
    disableReason: r.disableReason,
    permissions: r.permissions === "all" ? "all" : [...r.permissions],
    access:
      access.kind === "key_type"
        ? { kind: access.kind, value: access.value }
        : ({
            kind: access.kind,
            value: access.value === "all" ? "all" : [...access.value],
            unknown: [...access.unknown],
          } as KeyPermissions),
    permissionSummary: accessSummary(access),
    characterLimit: r.characterLimit,
    characterCount: r.characterCount,
    allowedIps: r.allowedIps === null ? null : [...r.allowedIps],
    restrictions: {
      ...(restrictions?.allowedOrigins ? { allowedOrigins: [...restrictions.allowedOrigins] } : {}),
      ...(restrictions?.assistants
        ? {
            assistants: {
              allowed: [...restrictions.assistants.allowed],
              transient: restrictions.assistants.transient,
            },
          }
        : {}),
    },
    createdAt: r.createdAt,
    expiresAt: r.details?.expiresAt ?? null,
    lastUsedAt: r.details?.lastUsedAt ?? null,
    rotation:
      r.rotation === null
        ? null
        : { role: r.rotation.role, partnerKeyId: r.rotation.partnerKeyId, startedAt: r.rotation.startedAt },
    origin: r.origin,
    flags: [...r.flags],
  };
}

function jsonFilters(f: InventoryFilters): InventoryJsonFilters {
  return {
    connection: [...f.connection],
    sa: [...f.sa],
    status: f.status ?? null,
    risk: [...f.risk],
    perm: [...f.perm],
    q: f.q,
    sort: f.sort,
    dir: f.dir,
  };
}

export function inventoryJsonDocument(
  rows: readonly InventoryRow[],
  meta: InventoryExportMeta,
): InventoryJsonDocument {
  return {
    generatedAt: meta.generatedAt,
    filters: jsonFilters(meta.filters),
    filterDescription: describeFilters(meta.filters, meta.accountNames, meta.connectionNames),
    count: rows.length,
    keys: rows.map(jsonKey),
  };
}

/** The JSON document as file text, indented for people reading it. */
export function inventoryJson(rows: readonly InventoryRow[], meta: InventoryExportMeta): string {
  return `${JSON.stringify(inventoryJsonDocument(rows, meta), null, 2)}\n`;
}
