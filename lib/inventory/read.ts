// The inventory as Keydesk's API sends it: every key of every service account from one upstream
// call, as the browser may see it (no secret hash), with its rotation and where it came from. The
// read is shared for a few seconds with the overview and Find a key (shared-read.ts).
import "server-only";
import type { ApiKey, ServiceAccount } from "@/lib/elevenlabs/types";
import type { KeyDeps } from "@/lib/keys";
import { withFactsOf, type ObservedRead } from "@/lib/keys/list";
import { toPublicKey } from "@/lib/keys/view";
import { readShared, type SharedReadOptions } from "./shared-read";
import type { InventoryKey } from "./types";

export interface Inventory {
  /** When the upstream read began (ISO 8601): a shared read may be a few seconds old. */
  generatedAt: string;
  serviceAccounts: { id: string; name: string; keyCount: number }[];
  keys: InventoryKey[];
}

/** The browser-safe key (never the secret's hash), with its service account's name. */
export function toInventoryKey(key: ApiKey, serviceAccountName: string): InventoryKey {
  // toPublicKey's object is new and already carries the origin: add the name to it, not to a copy.
  const view = toPublicKey(key) as InventoryKey;
  view.serviceAccountName = serviceAccountName;
  return view;
}

function inventoryKeys(accounts: ServiceAccount[]): InventoryKey[] {
  const keys: InventoryKey[] = [];
  for (const account of accounts)
    for (const key of account.keys) keys.push(toInventoryKey(key, account.name));
  return keys;
}

export function toInventory(accounts: ServiceAccount[], generatedAt: string): Inventory {
  return {
    generatedAt,
    serviceAccounts: accounts.map((a) => ({ id: a.id, name: a.name, keyCount: a.keys.length })),
    keys: inventoryKeys(accounts),
  };
}

/**
 * The inventory built from a kept read, for as long as that read is kept and its keys' rotations
 * are as they were: every request that reuses the read gets the same answer without copying
 * 10,000 keys twice again. Shared between requests, so never changed in place.
 */
const built = new WeakMap<ObservedRead, { rotations: string; inventory: Inventory }>();

export async function readInventory(deps: KeyDeps, options?: SharedReadOptions): Promise<Inventory> {
  const shared = await readShared(deps, options);
  const rotations = JSON.stringify([...shared.rotations]);
  const kept = built.get(shared.read);
  if (kept?.rotations === rotations) return kept.inventory;
  const inventory = toInventory(withFactsOf(shared.read, shared.rotations), shared.generatedAt);
  built.set(shared.read, { rotations, inventory });
  return inventory;
}
