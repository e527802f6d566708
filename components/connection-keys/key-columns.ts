// Which columns a connection's key table has: only those its provider can fill (capabilities).
import type { ProviderCapabilities } from "@/lib/providers/types";

export type KeyColumn =
  "owner" | "hint" | "status" | "permissions" | "restrictions" | "expires" | "lastUsed" | "created";

export const COLUMN_LABELS: Record<KeyColumn, string> = {
  owner: "Owner",
  hint: "Ends in",
  status: "Status",
  permissions: "Permissions",
  restrictions: "Restrictions",
  expires: "Expires",
  lastUsed: "Last used",
  created: "Created",
};

export function keyColumns(c: ProviderCapabilities): KeyColumn[] {
  const columns: (KeyColumn | null)[] = [
    c.owner ? "owner" : null,
    c.hint ? "hint" : null,
    c.disable || c.expiry ? "status" : null,
    "permissions",
    "restrictions",
    c.expiry ? "expires" : null,
    c.lastUsed ? "lastUsed" : null,
    "created",
  ];
  return columns.filter((x): x is KeyColumn => x !== null);
}
