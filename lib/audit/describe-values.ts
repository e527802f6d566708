// One value of an audit row's change, in words: a permission or scope by its name, a flag as
// Enabled/Disabled, a limit as a number of characters, null as "not set". Pure and browser-safe; never
// throws on a shape it does not know (old rows, newer features): such a value becomes compact text.
import { formatNumber, visibleText } from "@/lib/format";
import { isPermission, permissionLabel } from "@/lib/permissions";
import { DOCSPACE_SCOPES } from "@/lib/providers/types";

/** The longest a value is shown in the table; the expanded raw record has the rest. */
export const SHORT_MAX = 160;

export function shorten(text: string, max = SHORT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** JSON without a crash (a BigInt or a cycle cannot come from jsonb, but a caller may be wrong). */
export function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const SCOPE_SET: ReadonlySet<string> = new Set(DOCSPACE_SCOPES);

// DocSpace's scope areas, as its own settings page names them.
const SCOPE_AREAS: Record<string, string> = {
  "*": "Everything",
  "accounts.self": "Own profile",
  accounts: "People",
  files: "Files",
  rooms: "Rooms",
};

/** "files:read" → "Files (read)", "*" → "Everything", "*:write" → "Everything (write)". */
export function scopeLabel(scope: string): string {
  if (!SCOPE_SET.has(scope)) return scope;
  const [area = scope, access] = scope.split(":");
  const name = SCOPE_AREAS[area] ?? area;
  return access ? `${name} (${access})` : name;
}

const KEY_TYPES: Record<string, string> = { private: "Private key", public: "Public key" };

/** A permission, scope or key type by its name; a value nobody knows is shown as it came. */
export function grantLabel(value: unknown): string {
  if (typeof value !== "string") return compactJson(value);
  if (isPermission(value)) return permissionLabel(value);
  if (SCOPE_SET.has(value)) return scopeLabel(value);
  return KEY_TYPES[value] ?? visibleText(value);
}

/**
 * A row's permissions in one spelling. ElevenLabs rows hold "all" or a list; connection-key rows
 * hold `{ kind, value, unknown? }` (lib/providers' PermissionsInput or KeyPermissions).
 */
export type Grants =
  | { kind: "all"; scopes: boolean }
  | { kind: "list"; values: string[]; scopes: boolean }
  | { kind: "key_type"; value: string };

export function readGrants(value: unknown): Grants | null {
  if (value === "all") return { kind: "all", scopes: false };
  if (Array.isArray(value)) {
    const values = value.map(String);
    return { kind: "list", values, scopes: values.some((v) => SCOPE_SET.has(v)) };
  }
  if (value && typeof value === "object" && "kind" in value && "value" in value) {
    const v = value as { kind: unknown; value: unknown; unknown?: unknown };
    if (v.kind === "key_type") return { kind: "key_type", value: String(v.value) };
    const scopes = v.kind === "scopes";
    if (v.value === "all") return { kind: "all", scopes };
    if (Array.isArray(v.value)) {
      const unknown = Array.isArray(v.unknown) ? v.unknown.map(String) : [];
      return { kind: "list", values: [...v.value.map(String), ...unknown], scopes };
    }
  }
  return null;
}

export function grantsText(grants: Grants): string {
  if (grants.kind === "key_type") return grantLabel(grants.value);
  if (grants.kind === "all") return grants.scopes ? "Unrestricted (*)" : "All permissions";
  return grants.values.length === 0 ? "None" : grants.values.map(grantLabel).join(", ");
}

/** "+ A, B, − C": what a list gained and lost; null when the two hold the same things. */
export function listDiff(
  before: readonly string[],
  after: readonly string[],
  label: (value: string) => string = (v) => v,
): string | null {
  const was = new Set(before);
  const now = new Set(after);
  const added = after.filter((v) => !was.has(v)).map(label);
  const removed = before.filter((v) => !now.has(v)).map(label);
  const parts = [
    added.length > 0 ? `+ ${added.join(", ")}` : null,
    removed.length > 0 ? `− ${removed.join(", ")}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(", ") : null;
}

const PROVIDERS: Record<string, string> = {
  elevenlabs: "ElevenLabs",
  docspace: "ONLYOFFICE DocSpace",
  voiceable: "Voiceable",
};

export function providerLabel(provider: unknown): string {
  return typeof provider === "string"
    ? (PROVIDERS[provider] ?? visibleText(provider))
    : compactJson(provider);
}

/** An ISO instant as "2026-12-07 09:30 UTC" (fixed, so the server and the browser agree). */
export function instantText(value: string): string {
  const at = Date.parse(value);
  if (!Number.isFinite(at)) return visibleText(value);
  return `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "17 rows", "1 row". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** Any value, short: text as itself, a list joined, an object as "key: value" pairs. */
export function plainText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return "not set";
  if (typeof value === "string") return value === "" ? "empty" : visibleText(value);
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value))
    return value.length === 0 ? "none" : value.map((v) => plainText(v, depth + 1)).join(", ");
  if (typeof value === "object" && depth < 2) {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && v !== null && v !== "",
    );
    if (entries.length === 0) return "none";
    return entries.map(([k, v]) => `${words(k)} ${plainText(v, depth + 1)}`).join(", ");
  }
  return visibleText(compactJson(value));
}

/** "characterLimit" → "character limit", "unread_connections" → "unread connections". */
export function words(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .toLowerCase()
    .trim();
}
