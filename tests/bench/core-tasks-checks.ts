// The end state of each core task, read from the emulator's store (the upstream's own record), so a
// flow that only looked right on screen is caught: the key exists with exactly the fields asked
// for; the leaked key is disabled; the list on screen is exactly the keys that can write voices.
import type { EmulatorStore, KeyRecord, ServiceAccountRecord } from "@/lib/emulator/elevenlabs/store";
import type { NewKeyInput } from "./core-tasks-flows";

export const NEW_KEY_PERMISSIONS = ["speech_to_text", "text_to_speech", "voices_read"];

function accountNamed(store: EmulatorStore, name: string): ServiceAccountRecord {
  const account = [...store.serviceAccounts.values()].find((a) => a.name === name);
  if (!account) throw new Error(`no service account named ${name} upstream`);
  return account;
}

const allKeys = (store: EmulatorStore): KeyRecord[] =>
  [...store.serviceAccounts.values()].flatMap((a) => [...a.keys.values()]);

export function checkCreated(store: EmulatorStore, key: NewKeyInput): void {
  const found = [...accountNamed(store, key.account).keys.values()].filter((k) => k.name === key.name);
  if (found.length !== 1) throw new Error(`${found.length} keys named ${key.name} upstream, not 1`);
  const k = found[0]!;
  const got = {
    permissions: k.permissions ? [...k.permissions].sort() : null,
    character_limit: k.character_limit,
    allowed_ips: k.allowed_ips,
    is_disabled: k.is_disabled,
  };
  const want = {
    permissions: NEW_KEY_PERMISSIONS,
    character_limit: Number(key.limit),
    allowed_ips: [key.allowlistEntry],
    is_disabled: false,
  };
  if (JSON.stringify(got) !== JSON.stringify(want))
    throw new Error(`${key.name} upstream is ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
}

/** A key made outside Keydesk in an account of its own, enabled, with its secret (the leak). */
export function leakableKey(store: EmulatorStore, name: string): { keyId: string; secret: string } {
  const account =
    [...store.serviceAccounts.values()].find((a) => a.name === "Leak drill") ??
    store.createServiceAccount("Leak drill");
  const { key, secret } = store.createKey(account, {
    name,
    permissions: ["text_to_speech"],
    character_limit: null,
    allowed_ips: null,
  });
  return { keyId: key.key_id, secret };
}

export function checkDisabled(store: EmulatorStore, keyId: string): void {
  const key = store.findKeyById(keyId);
  if (!key) throw new Error(`key ${keyId} is gone upstream`);
  if (!key.is_disabled) throw new Error(`key ${key.name} is still enabled upstream`);
}

export function checkVoicesWriters(store: EmulatorStore, listed: string[]): number {
  const want = allKeys(store)
    .filter((k) => k.permissions === null || k.permissions.includes("voices_write"))
    .map((k) => k.key_id)
    .sort();
  const got = [...listed].sort();
  if (JSON.stringify(got) !== JSON.stringify(want))
    throw new Error(`listed ${JSON.stringify(got)}, upstream has ${JSON.stringify(want)}`);
  return want.length;
}
