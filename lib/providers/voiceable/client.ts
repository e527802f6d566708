// Keydesk's client for a Voiceable account's API keys: a small typed client over fetch (lib/providers/
// http.ts), as DECISIONS.md explains. X-API-Key auth; reads retried within bounds, writes never.
// Voiceable has no disable: setEnabled is refused before any call.
import "server-only";
import { checkWith, NO_RETRIES, plural, timeLimit } from "../check";
import { findKeys } from "../find";
import { checkCanDisable, checkChanges, checkNewKey, checkRef } from "../guard";
import { fieldByPrefix, read, readRetryPolicy, write, type JsonApi } from "../http";
import { permissionsOf, rotateByTwin } from "../rotate";
import type { ConnectOptions, KeyClient, KeyProvider, NewKey, ProviderTarget } from "../types";
import { VOICEABLE_CAPABILITIES as CAPS } from "./capabilities";
import { readCreated, readDeleted, readKeyList, readOne } from "./reshape";

const KEYS = "api_keys";

function api(options: ConnectOptions): JsonApi {
  return {
    label: "Voiceable",
    metricPrefix: "voiceable",
    baseUrl: options.baseUrl,
    authHeaders: { "x-api-key": options.credential },
    timeoutMs: timeLimit(options.timeoutMs),
    retryPolicy: readRetryPolicy(options.retryPolicy),
    // Voiceable's dashboard shows status.message, then the errors joined.
    errorMessage: (body) => {
      const b = body as { status?: { message?: unknown }; errors?: unknown } | null | undefined;
      const errors = Array.isArray(b?.errors)
        ? b.errors.filter((e): e is string => typeof e === "string")
        : [];
      if (errors.length > 0) return errors.join(", ");
      return typeof b?.status?.message === "string" ? b.status.message : undefined;
    },
    // Each of Voiceable's messages starts with the field's name, as Rails prints it.
    errorField: fieldByPrefix([
      ["Name", ["name"]],
      ["Key type", ["permissions"]],
      ["Allowed origins", ["allowedOrigins"]],
      ["Allowed assistants", ["assistants", "allowed"]],
      ["Transient assistant", ["assistants", "transient"]],
    ]),
  };
}

const keyPath = (id: string) => `${KEYS}/${encodeURIComponent(id)}`;

function connect(options: ConnectOptions): KeyClient {
  const target = api(options);
  const list = () => read(target, "listKeys", KEYS, (reply) => readKeyList(reply.body));
  const getOne = (id: string) => read(target, "getKey", keyPath(id), (reply) => readOne(reply.body));

  const create = async (input: NewKey) => {
    checkNewKey(CAPS, input);
    if (input.permissions.kind !== "key_type") throw new Error("unreachable: checked by the guard");
    const fields: Record<string, unknown> = { name: input.name, key_type: input.permissions.value };
    if (input.allowedOrigins !== undefined) fields.allowed_origins = input.allowedOrigins;
    if (input.assistants !== undefined) {
      fields.allowed_assistants = input.assistants.allowed;
      fields.transient_assistant = input.assistants.transient;
    }
    return write(target, "createKey", "POST", KEYS, { api_key: fields }, (reply) => readCreated(reply.body));
  };

  const remove = async (id: string) => {
    await write(target, "deleteKey", "DELETE", keyPath(id), undefined, (reply) => readDeleted(reply.body));
  };

  return {
    list,
    create,
    async change(ref, changes) {
      checkRef(ref);
      checkChanges(CAPS, changes);
      const fields: Record<string, unknown> = {};
      if (changes.name !== undefined) fields.name = changes.name;
      if (changes.allowedOrigins !== undefined) fields.allowed_origins = changes.allowedOrigins;
      if (changes.assistants?.allowed !== undefined) fields.allowed_assistants = changes.assistants.allowed;
      if (changes.assistants?.transient !== undefined)
        fields.transient_assistant = changes.assistants.transient;
      // Voiceable refuses an empty `api_key` (400): nothing to change is a read.
      if (Object.keys(fields).length === 0) return getOne(ref.id);
      return write(target, "updateKey", "PUT", keyPath(ref.id), { api_key: fields }, (reply) =>
        readOne(reply.body),
      );
    },
    async setEnabled() {
      checkCanDisable(CAPS);
      throw new Error("unreachable: Voiceable has no disable");
    },
    async delete(ref) {
      checkRef(ref);
      await remove(ref.id);
    },
    async rotate(ref) {
      checkRef(ref);
      const old = await getOne(ref.id);
      const { allowedOrigins, assistants } = old.restrictions;
      return rotateByTwin(
        old.id,
        () =>
          create({
            name: old.name,
            permissions: permissionsOf(old.permissions),
            allowedOrigins,
            assistants,
          }),
        () => remove(old.id),
      );
    },
    async find(query) {
      return findKeys(CAPS, await list(), query);
    },
  };
}

export const voiceableProvider: KeyProvider = {
  id: "voiceable",
  capabilities: CAPS,
  checkCredential: (t: ProviderTarget) =>
    checkWith("Voiceable", async () => {
      const keys = await connect({ ...t, retryPolicy: NO_RETRIES }).list();
      return plural(keys.length, "key");
    }),
  connect,
};
