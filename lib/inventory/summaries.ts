// Short words for a key of any provider: its permissions in its own model, and its restrictions,
// for the table, the matrix and the exports. Pure and client-safe.
import { allowlistSummary, permissionSummary } from "@/lib/keys/summary";
import type { KeyPermissions, KeyRestrictions, ProviderCapabilities } from "@/lib/providers/types";
import type { InventoryRow } from "./types";

const KEY_TYPE_WORDS: Record<string, string> = {
  private: "Private (full access)",
  public: "Public (browser)",
};

/** "All permissions", "Read-only", "All scopes (*)", "files:read, rooms:write", "Private (full access)". */
export function accessSummary(access: KeyPermissions): string {
  if (access.kind === "permission_list") return permissionSummary(access.value);
  if (access.kind === "key_type") return KEY_TYPE_WORDS[access.value] ?? access.value;
  if (access.value === "all") return "All scopes (*)";
  if (access.value.length === 0) return "No scopes";
  return access.value.length <= 2 ? access.value.join(", ") : `${access.value.length} scopes`;
}

/** One restriction as export text: null where the provider has no such restriction. */
export function restrictionText(
  restrictions: KeyRestrictions | undefined,
  which: "allowedOrigins" | "assistants",
): string | null {
  if (which === "allowedOrigins") {
    const origins = restrictions?.allowedOrigins;
    if (!origins) return null;
    return origins.length === 0 ? "any" : origins.join(" ");
  }
  const assistants = restrictions?.assistants;
  if (!assistants) return null;
  const allowed = assistants.allowed.length === 0 ? "all" : assistants.allowed.join(" ");
  return assistants.transient ? `${allowed}; transient` : allowed;
}

/**
 * The table's restriction cell: each restriction the key's provider has, in a few words, and the
 * whole of it for the hover text. Which restrictions come from the capabilities.
 */
export function restrictionsSummary(
  row: Pick<InventoryRow, "allowedIps" | "details">,
  capabilities: ProviderCapabilities | null,
): { text: string; title: string } {
  const parts: { text: string; title: string }[] = [];
  if (capabilities === null || capabilities.ipAllowlist)
    parts.push({ text: allowlistSummary(row.allowedIps), title: row.allowedIps?.join("\n") ?? "Any IP" });
  const r = row.details?.restrictions;
  if (capabilities?.originRestriction && r?.allowedOrigins) {
    const any = r.allowedOrigins.length === 0;
    parts.push({
      text: any
        ? "Any website"
        : `${r.allowedOrigins.length} origin${r.allowedOrigins.length === 1 ? "" : "s"}`,
      title: any ? "Any website" : `Origins: ${r.allowedOrigins.join(", ")}`,
    });
  }
  if (capabilities?.resourceRestriction && r?.assistants) {
    const all = r.assistants.allowed.length === 0;
    const text = all
      ? "Every assistant"
      : `${r.assistants.allowed.length} assistant${r.assistants.allowed.length === 1 ? "" : "s"}`;
    parts.push({
      text: r.assistants.transient ? `${text}, transient` : text,
      title: all ? "Every assistant" : `Assistants: ${r.assistants.allowed.join(", ")}`,
    });
  }
  if (parts.length === 0) return { text: "—", title: "This provider has no key restrictions" };
  return { text: parts.map((p) => p.text).join("; "), title: parts.map((p) => p.title).join("\n") };
}
