// Reading: the whole inventory in one upstream call, or one service account's keys, each key with
// its rotation pairing from Keydesk's own table.
import "server-only";
import type { ApiKey, ServiceAccount } from "@/lib/domain/service-accounts";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { accountsWithRotations, withRotations } from "./pairing";
import type { KeyDeps } from "./types";

export async function listServiceAccounts({ upstream, db }: KeyDeps): Promise<ServiceAccount[]> {
  return accountsWithRotations(db, await upstream.listServiceAccounts());
}

export async function listKeys({ upstream, db }: KeyDeps, serviceAccountId: string): Promise<ApiKey[]> {
  return withRotations(db, await upstream.listKeys(serviceAccountId));
}

/** One key with its rotation (the upstream has no "get one key": this reads the list). */
export async function readKey({ upstream, db }: KeyDeps, serviceAccountId: string, keyId: string): Promise<ApiKey> {
  const keys = await withRotations(db, await upstream.listKeys(serviceAccountId));
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new UpstreamError({ kind: "not_found", message: "ElevenLabs has no such key (it may have been deleted)." });
  return key;
}
