// The key endpoints once a request is routed, authenticated and allowed: what each does to the
// portal and what it answers (the `response` of the envelope, or an error).
import { SCOPES } from "./scopes";
import { isExpired, type DocspaceKey, type DocspaceStore, type Member } from "./store";
import type { CreateBody, UpdateBody } from "./validate";
import { keyToWire } from "./wire";

export type Outcome = { ok: true; response: unknown } | { ok: false; status: number; message: string };

export const KEY_NOT_FOUND = "The API key was not found.";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Caller {
  /** The API key that authenticated the request; null for the portal admin (--admin-key). */
  key: DocspaceKey | null;
  member: Member;
}

function findKey(store: DocspaceStore, keyId: string | null): DocspaceKey | undefined {
  return keyId !== null && UUID.test(keyId) ? store.keys.get(keyId.toLowerCase()) : undefined;
}

export const endpoints = {
  list: (store: DocspaceStore): Outcome => ({
    ok: true,
    response: [...store.keys.values()].map((key) => keyToWire(key)),
  }),

  self: (caller: Caller): Outcome =>
    caller.key
      ? { ok: true, response: keyToWire(caller.key) }
      : { ok: false, status: 404, message: KEY_NOT_FOUND },

  permissions: (): Outcome => ({ ok: true, response: [...SCOPES] }),

  create: (store: DocspaceStore, caller: Caller, body: CreateBody, now: number): Outcome => {
    const { key, secret } = store.create({ ...body, createBy: caller.member, createOn: now });
    return { ok: true, response: keyToWire(key, secret) };
  },

  /** `false` (nothing changed) for an expired key: its settings are frozen. */
  update: (store: DocspaceStore, keyId: string | null, body: UpdateBody, now: number): Outcome => {
    const key = findKey(store, keyId);
    if (!key) return { ok: false, status: 404, message: KEY_NOT_FOUND };
    if (isExpired(key, now)) return { ok: true, response: false };
    if (body.name !== undefined) key.name = body.name;
    if (body.permissions !== undefined) key.permissions = body.permissions;
    if (body.isActive !== undefined) key.isActive = body.isActive;
    return { ok: true, response: true };
  },

  delete: (store: DocspaceStore, keyId: string | null): Outcome => {
    const key = findKey(store, keyId);
    if (!key) return { ok: false, status: 404, message: KEY_NOT_FOUND };
    store.delete(key.id);
    return { ok: true, response: true };
  },
};
