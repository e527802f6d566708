// The keys the command palette finds: the inventory's two reads (the primary connection and the
// others) flattened once when the palette opens, then matched in the browser on every keystroke,
// so typing sends nothing upstream. Pure, so the matching is tested without a browser.
import { keyHref } from "@/lib/key-href";
import type { InventoryKey } from "@/lib/inventory/types";
import type { InventoryConnection, OtherConnectionRead } from "@/lib/inventory/connections";

export interface PaletteKey {
  /** Unique across connections: two workspaces may hold the same key id. */
  rowKey: string;
  id: string;
  name: string;
  hint: string;
  /** The service account, group or owner the key belongs to, for telling same-named keys apart. */
  owner: string;
  connectionName: string;
  href: string;
  /** Name, id and hint, lower-cased and NUL-separated so a match never spans two of them. */
  haystack: string;
}

function paletteKey(key: InventoryKey, connection: InventoryConnection): PaletteKey {
  return {
    rowKey: `${connection.id}\u0000${key.id}`,
    id: key.id,
    name: key.name,
    hint: key.hint,
    owner: key.serviceAccountName || key.details?.owner || "",
    connectionName: connection.name,
    href: keyHref({ connectionId: connection.id, group: key.serviceAccountId || null, keyId: key.id }),
    haystack: [key.name, key.id, key.hint].join("\u0000").toLowerCase(),
  };
}

/** Every key that could be read; a connection whose read failed adds none. */
export function paletteKeys(
  primary: { keys: readonly InventoryKey[]; connection: InventoryConnection } | null,
  others: readonly OtherConnectionRead[],
): PaletteKey[] {
  const keys: PaletteKey[] = [];
  if (primary) for (const key of primary.keys) keys.push(paletteKey(key, primary.connection));
  for (const read of others) {
    if (!read.ok) continue;
    for (const key of read.keys) keys.push(paletteKey(key, read.connection));
  }
  return keys;
}

/**
 * The keys whose name, id or hint contains the query (case-insensitive; a leading "…" of a pasted
 * hint is ignored), best first: an exact name or id, then a name that starts with it, then the rest,
 * each group in the inventory's order. At most `limit`: a palette lists a handful, not 10,000.
 */
export function matchKeys(keys: readonly PaletteKey[], query: string, limit = 20): PaletteKey[] {
  const q = query.trim().replace(/^…/, "").toLowerCase();
  if (q === "") return [];
  const ranked: [number, PaletteKey][] = [];
  for (const key of keys) {
    if (!key.haystack.includes(q)) continue;
    const name = key.name.toLowerCase();
    const rank = name === q || key.id.toLowerCase() === q ? 0 : name.startsWith(q) ? 1 : 2;
    ranked.push([rank, key]);
  }
  // A stable sort keeps the inventory's order inside each rank.
  return ranked
    .sort((a, b) => a[0] - b[0])
    .slice(0, limit)
    .map(([, key]) => key);
}
