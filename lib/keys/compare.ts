// Whether a field's value is "the same" for the conflict check and for deciding what to send:
// permissions compared as sets, allowlists as normalised sorted lists, the rest as they are.
import { normaliseAllowlistEntry } from "@/lib/ip/cidr";
import type { EditableField } from "./schema";

function permissionSet(value: unknown): string {
  if (value === "all") return "all";
  if (!Array.isArray(value)) return JSON.stringify(value ?? null);
  return JSON.stringify([...new Set(value.map(String))].sort());
}

function allowlist(value: unknown): string {
  if (!Array.isArray(value)) return JSON.stringify(value ?? null);
  return JSON.stringify([...new Set(value.map((e) => normaliseAllowlistEntry(String(e)) ?? String(e)))].sort());
}

export function sameValue(field: EditableField, a: unknown, b: unknown): boolean {
  if (field === "permissions") return permissionSet(a) === permissionSet(b);
  if (field === "allowedIps") return allowlist(a) === allowlist(b);
  return (a ?? null) === (b ?? null);
}
