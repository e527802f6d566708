// The one answer to "is this field's value the same?", for every place that asks: the server's
// conflict check and its choice of what to send upstream (lib/keys/update.ts), the outcome check
// after an uncertain write, and the edit dialog's preview (components/keys/key-diff.logic.ts).
// Permissions compare as sets ("all" only equals "all"); an allowlist compares as a set of
// normalised networks (order, duplicates and notation such as `10.0.0.1` vs `10.0.0.1/32` do not
// matter, as they do not to the upstream); everything else as it is. Client-safe.
import { normaliseAllowlistEntry } from "@/lib/ip/cidr";
import type { EditableField } from "./schema";

function permissionSet(value: unknown): string {
  if (value === "all") return "all";
  if (!Array.isArray(value)) return JSON.stringify(value ?? null);
  return JSON.stringify([...new Set(value.map(String))].sort());
}

function allowlistSet(value: unknown): string {
  if (!Array.isArray(value)) return JSON.stringify(value ?? null);
  const entries = value.map((e) => normaliseAllowlistEntry(String(e).trim()) ?? String(e).trim());
  return JSON.stringify([...new Set(entries)].sort());
}

export function sameValue(field: EditableField, a: unknown, b: unknown): boolean {
  if (field === "permissions") return permissionSet(a) === permissionSet(b);
  if (field === "allowedIps") return allowlistSet(a) === allowlistSet(b);
  return (a ?? null) === (b ?? null);
}
