// The inventory as Keydesk's API sends it: every key of every service account from one upstream
// call, as the browser may see it (no secret hash), with its rotation and where it came from.
import "server-only";
import type { ApiKey, ServiceAccount } from "@/lib/elevenlabs/types";
import { listServiceAccounts, type KeyDeps } from "@/lib/keys";
import { toPublicKey } from "@/lib/keys/view";
import type { InventoryKey } from "./types";

export interface Inventory {
  /** When the upstream was read (ISO 8601). */
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

export async function readInventory(deps: KeyDeps): Promise<Inventory> {
  const accounts = await listServiceAccounts(deps);
  return toInventory(accounts, new Date().toISOString());
}
