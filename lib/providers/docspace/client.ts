// Keydesk's client for a DocSpace portal's API keys: a small typed client over fetch (lib/providers/
// http.ts), as DECISIONS.md explains. Bearer auth; reads retried within bounds, writes never.
import "server-only";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { checkWith, NO_RETRIES, plural, timeLimit } from "../check";
import { findKeys } from "../find";
import { checkCanDisable, checkChanges, checkNewKey, checkRef } from "../guard";
import { fieldByPrefix, read, readRetryPolicy, write, type JsonApi } from "../http";
import { permissionsOf, rotateByTwin } from "../rotate";
import type {
  ConnectOptions,
  KeyClient,
  KeyProvider,
  NewKey,
  PermissionsInput,
  ProviderKey,
  ProviderTarget,
} from "../types";
import { DOCSPACE_CAPABILITIES as CAPS } from "./capabilities";
import { readCreated, readDone, readKeyList } from "./reshape";

const KEYS = "api/2.0/keys";
const DAY_MS = 24 * 60 * 60 * 1000;

function api(options: ConnectOptions): JsonApi {
  return {
    label: "DocSpace",
    metricPrefix: "docspace",
    baseUrl: options.baseUrl,
    authHeaders: { authorization: `Bearer ${options.credential}` },
    timeoutMs: timeLimit(options.timeoutMs),
    retryPolicy: readRetryPolicy(options.retryPolicy),
    errorMessage: (body) => {
      const error = (body as { error?: { message?: unknown } } | null | undefined)?.error;
      return typeof error?.message === "string" ? error.message : undefined;
    },
    // DocSpace's validation messages start with the field's name.
    errorField: fieldByPrefix([
      ["Name", ["name"]],
      ["Permissions", ["permissions"]],
      ["ExpiresInDays", ["expiresInDays"]],
      ["IsActive", ["enabled"]],
    ]),
  };
}

/** Keydesk's "all" is `["*"]` on the wire: an empty list is refused by DocSpace and never sent. */
function wirePermissions(permissions: PermissionsInput): string[] {
  if (permissions.kind !== "scopes") throw new Error("unreachable: checked by the guard");
  return permissions.value === "all" ? ["*"] : permissions.value;
}

const keyPath = (id: string) => `${KEYS}/${encodeURIComponent(id)}`;

const expired = () =>
  new UpstreamError({
    kind: "rejected",
    upstreamStatus: 200,
    message: "This key has expired and can no longer be changed; rotate or delete it.",
  });

/** A rotated key's lifetime: the old key's whole lifetime in days (DocSpace cannot copy an exact expiry). */
export function twinLifetimeDays(key: ProviderKey): number | null {
  if (!key.expiresAt || !key.createdAt) return null;
  const days = Math.round((Date.parse(key.expiresAt) - Date.parse(key.createdAt)) / DAY_MS);
  return Math.min(CAPS.expiry!.maxDays, Math.max(CAPS.expiry!.minDays, days));
}

function connect(options: ConnectOptions): KeyClient {
  const target = api(options);
  const list = () => read(target, "listKeys", KEYS, (reply) => readKeyList(reply.body));

  const reread = async (id: string) => {
    const key = (await list()).find((k) => k.id === id);
    if (!key)
      throw new UpstreamError({
        kind: "not_found",
        message: "DocSpace has no such key (it may have been deleted).",
      });
    return key;
  };

  /** PUT answers true or false, never the key: false means it expired; then the list is read again. */
  const update = async (id: string, body: Record<string, unknown>, operation: string) => {
    const done = await write(target, operation, "PUT", keyPath(id), body, (reply) => readDone(reply.body));
    if (!done) throw expired();
    return reread(id);
  };

  const create = async (input: NewKey) => {
    checkNewKey(CAPS, input);
    const body: Record<string, unknown> = {
      name: input.name,
      permissions: wirePermissions(input.permissions),
    };
    if (input.expiresInDays != null) body.expiresInDays = input.expiresInDays;
    return write(target, "createKey", "POST", KEYS, body, (reply) => readCreated(reply.body));
  };

  const remove = async (id: string) => {
    await write(target, "deleteKey", "DELETE", keyPath(id), undefined, (reply) => readDone(reply.body));
  };

  return {
    list,
    create,
    async change(ref, changes) {
      checkRef(ref);
      checkChanges(CAPS, changes);
      const body: Record<string, unknown> = {};
      if (changes.name !== undefined) body.name = changes.name;
      if (changes.permissions !== undefined) body.permissions = wirePermissions(changes.permissions);
      if (Object.keys(body).length === 0) return reread(ref.id);
      return update(ref.id, body, "updateKey");
    },
    async setEnabled(ref, enabled) {
      checkRef(ref);
      checkCanDisable(CAPS);
      return update(ref.id, { isActive: enabled }, "updateKey");
    },
    async delete(ref) {
      checkRef(ref);
      await remove(ref.id);
    },
    async rotate(ref, options = {}) {
      checkRef(ref);
      const old = await reread(ref.id);
      const lifetime = options.expiresInDays !== undefined ? options.expiresInDays : twinLifetimeDays(old);
      return rotateByTwin(
        old.id,
        () =>
          create({
            name: old.name,
            permissions: permissionsOf(old.permissions),
            expiresInDays: lifetime,
          }),
        () => remove(old.id),
      );
    },
    async find(query) {
      return findKeys(CAPS, await list(), query);
    },
  };
}

export const docspaceProvider: KeyProvider = {
  id: "docspace",
  capabilities: CAPS,
  checkCredential: (t: ProviderTarget) =>
    checkWith("DocSpace", async () => {
      const keys = await connect({ ...t, retryPolicy: NO_RETRIES }).list();
      return plural(keys.length, "key");
    }),
  connect,
};
