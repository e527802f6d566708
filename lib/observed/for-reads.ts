// What an inventory read does with observation: observe, and put each key's origin on it. Database
// trouble must not break the read: the keys are then shown without an origin (null).
import "server-only";
import type { Db } from "@/lib/db/database";
import type { ApiKey, KeyOrigin, ServiceAccount } from "@/lib/elevenlabs/types";
import { observeInventory, type ObserveOptions } from "./observe";
import { warnObservation } from "./warn";

export async function observeOrWarn(
  db: Db,
  accounts: readonly ServiceAccount[],
  scope: { serviceAccountIds: string[] } | undefined,
  options: ObserveOptions,
): Promise<ReadonlyMap<string, KeyOrigin> | null> {
  try {
    return await observeInventory(db, accounts, scope, options);
  } catch (error) {
    warnObservation(
      "could not compare this read with the last inventory seen; keys are listed without their origin",
      error,
    );
    return null;
  }
}

/** `origins` null: observation failed, so every key's origin is unknown. */
export function withOrigins(
  keys: readonly ApiKey[],
  origins: ReadonlyMap<string, KeyOrigin> | null,
): ApiKey[] {
  return keys.map((key) => ({ ...key, origin: origins?.get(key.id) ?? null }));
}
