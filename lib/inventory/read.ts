// The inventory as Keydesk's API sends it: every key of every service account from one upstream
// call, as the browser may see it (no secret hash), with its rotation and where it came from. The
// read is shared for a few seconds with the overview and Find a key (shared-read.ts).
import "server-only";
import type { ApiKey, ServiceAccount } from "@/lib/elevenlabs/types";
import type { KeyDeps } from "@/lib/keys";
import { toPublicKey } from "@/lib/keys/view";
import { readSharedAccounts, type SharedReadOptions } from "./shared-read";
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

export async function readInventory(deps: KeyDeps, options?: SharedReadOptions): Promise<Inventory> {
  const read = await readSharedAccounts(deps, options);
  return toInventory(read.serviceAccounts, read.generatedAt);
}
