// The ElevenLabs adapter: the provider interface over the product's existing ElevenLabs client
// (lib/elevenlabs/client.ts, the official SDK with its timeouts, read retries and error mapping),
// unchanged. Keys live in service accounts, so each key's `group` is its service account and
// every operation on a key needs it.
import "server-only";
import { createHash } from "node:crypto";
import { createUpstream, type Upstream } from "@/lib/elevenlabs/client";
import type { ApiKey, KeyChanges as WireChanges } from "@/lib/elevenlabs/types";
import { checkWith, NO_RETRIES, plural, timeLimit } from "../check";
import { ProviderRefusal } from "../errors";
import { findKeys } from "../find";
import { endpointUrl } from "../http";
import { checkCanDisable, checkChanges, checkNewKey, checkRef } from "../guard";
import { permissionsOf, rotateByTwin } from "../rotate";
import type {
  ConnectOptions,
  CreatedKey,
  KeyClient,
  KeyProvider,
  KeyRef,
  NewKey,
  PermissionsInput,
  ProviderKey,
  ProviderTarget,
} from "../types";
import { ELEVENLABS_CAPABILITIES as CAPS } from "./capabilities";

export function toProviderKey(key: ApiKey, groupName: string | null): ProviderKey {
  return {
    id: key.id,
    name: key.name,
    group: { id: key.serviceAccountId, name: groupName },
    owner: null,
    hint: key.hint,
    secretHash: key.hashedSecret,
    enabled: key.enabled,
    disableReason: key.disableReason,
    createdAt: key.createdAt,
    lastUsedAt: null,
    expiresAt: null,
    permissions: { kind: "permission_list", value: key.permissions, unknown: key.unknownPermissions },
    restrictions: {
      characterLimit: { limit: key.characterLimit, used: key.characterCount },
      ipAllowlist: key.allowedIps,
    },
  };
}

function groupOf(ref: KeyRef): string {
  checkRef(ref);
  if (!ref.group?.id)
    throw new ProviderRefusal("invalid", ["group"], "An ElevenLabs key is named with its service account.");
  return ref.group.id;
}

function wirePermissions(permissions: PermissionsInput) {
  if (permissions.kind !== "permission_list") throw new Error("unreachable: checked by the guard");
  return permissions.value;
}

function upstreamOf(options: ConnectOptions): Upstream {
  // The SDK would fall back to its default host for an empty base URL: the credential goes only
  // to the http(s) URL the connection names.
  endpointUrl(options.baseUrl, "");
  return createUpstream({
    baseUrl: options.baseUrl,
    apiKey: options.credential,
    timeoutMs: timeLimit(options.timeoutMs),
    retryPolicy: options.retryPolicy,
  });
}

function connect(options: ConnectOptions): KeyClient {
  // Made on first use, inside an async operation: a bad base URL rejects that call, like the
  // other adapters, rather than throwing from connect().
  let made: Upstream | undefined;
  const upstream = () => (made ??= upstreamOf(options));

  const list = async () =>
    (await upstream().listServiceAccounts()).flatMap((account) =>
      account.keys.map((key) => toProviderKey(key, account.name)),
    );
  const reread = async (groupId: string, id: string) =>
    toProviderKey(await upstream().getKey(groupId, id), null);

  const create = async (input: NewKey): Promise<CreatedKey> => {
    checkNewKey(CAPS, input);
    const groupId = input.groupId!;
    const { keyId, secret } = await upstream().createKey(groupId, {
      name: input.name,
      permissions: wirePermissions(input.permissions),
      characterLimit: input.characterLimit,
      allowedIps: input.ipAllowlist,
    });
    // The secret exists now and must reach the person whatever happens: if reading the new key
    // back fails, the key is described from what was sent and what the secret itself tells.
    try {
      return { key: await reread(groupId, keyId), secret };
    } catch {
      return {
        secret,
        key: {
          id: keyId,
          name: input.name,
          group: { id: groupId, name: null },
          owner: null,
          hint: secret.slice(-4),
          secretHash: createHash("sha256").update(secret).digest("hex"),
          enabled: true,
          disableReason: null,
          createdAt: null,
          lastUsedAt: null,
          expiresAt: null,
          permissions: { kind: "permission_list", value: wirePermissions(input.permissions), unknown: [] },
          restrictions: {
            characterLimit: { limit: input.characterLimit ?? null, used: null },
            ipAllowlist: input.ipAllowlist ?? null,
          },
        },
      };
    }
  };

  return {
    list,
    // The same read as list (joined with it when both run at once: lib/elevenlabs/single-flight.ts),
    // keeping the service accounts that have no keys yet, so a key can be made in any of them.
    groups: async () =>
      (await upstream().listServiceAccounts()).map((account) => ({ id: account.id, name: account.name })),
    create,
    async change(ref, changes) {
      const groupId = groupOf(ref);
      checkChanges(CAPS, changes);
      const wire: WireChanges = {};
      if (changes.name !== undefined) wire.name = changes.name;
      if (changes.permissions !== undefined) wire.permissions = wirePermissions(changes.permissions);
      if (changes.characterLimit !== undefined) wire.characterLimit = changes.characterLimit;
      if (changes.ipAllowlist !== undefined) wire.allowedIps = changes.ipAllowlist;
      if (Object.keys(wire).length > 0) await upstream().updateKey(groupId, ref.id, wire);
      return reread(groupId, ref.id);
    },
    async setEnabled(ref, enabled) {
      const groupId = groupOf(ref);
      checkCanDisable(CAPS);
      await upstream().updateKey(groupId, ref.id, { enabled });
      return reread(groupId, ref.id);
    },
    async delete(ref) {
      await upstream().deleteKey(groupOf(ref), ref.id);
    },
    async rotate(ref) {
      const groupId = groupOf(ref);
      const old = await reread(groupId, ref.id);
      const limit = old.restrictions.characterLimit?.limit ?? null;
      return rotateByTwin(
        old.id,
        () =>
          create({
            name: old.name,
            groupId,
            permissions: permissionsOf(old.permissions),
            characterLimit: limit,
            ipAllowlist: old.restrictions.ipAllowlist ?? null,
          }),
        () => upstream().deleteKey(groupId, old.id),
      );
    },
    async find(query) {
      return findKeys(CAPS, await list(), query);
    },
  };
}

export const elevenlabsProvider: KeyProvider = {
  id: "elevenlabs",
  capabilities: CAPS,
  checkCredential: (t: ProviderTarget) =>
    checkWith("ElevenLabs", async () => {
      const accounts = await upstreamOf({ ...t, retryPolicy: NO_RETRIES }).listServiceAccounts();
      const keys = accounts.reduce((n, a) => n + a.keys.length, 0);
      return `${plural(accounts.length, "service account")}, ${plural(keys, "key")}`;
    }),
  connect,
};
