// The key as it is now, upstream, in the doctor's terms. The primary workspace's key is read with
// its service account's list (one upstream call, ~50 keys, not the 10,000-key inventory), through
// lib/keys like its page; another connection's with its provider's list, through the connection's
// key client (its access check included). Each read is a normal list read: an outside change it
// notices goes on the audit log as on any page.
import "server-only";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import type { ConnectionKeys } from "@/lib/connections";
import { providerCall } from "@/lib/connection-keys/provider-call";
import { listKeys } from "@/lib/keys/list";
import type { KeyDeps } from "@/lib/keys/types";
import type { ProviderKey } from "@/lib/providers/types";
import type { KeyNow } from "./types";

export interface KeyRead {
  key: KeyNow | null;
  listedIds: ReadonlySet<string>;
}

export function fromApiKey(k: ApiKey): KeyNow {
  return {
    id: k.id,
    name: k.name,
    group: k.serviceAccountId,
    enabled: k.enabled,
    disableReason: k.disableReason,
    permissions: {
      kind: "permission_list",
      value: k.permissions === "all" ? "all" : [...k.permissions, ...k.unknownPermissions],
    },
    characterLimit: { limit: k.characterLimit, used: k.characterCount },
    ipAllowlist: k.allowedIps,
    expiresAt: null,
  };
}

export function fromProviderKey(k: ProviderKey): KeyNow {
  const p = k.permissions;
  return {
    id: k.id,
    name: k.name,
    group: k.group?.id ?? null,
    enabled: k.enabled,
    disableReason: k.disableReason,
    permissions:
      p.kind === "key_type"
        ? p
        : { kind: p.kind, value: p.value === "all" ? "all" : [...p.value, ...p.unknown] },
    ...(k.restrictions.characterLimit ? { characterLimit: k.restrictions.characterLimit } : {}),
    ...(k.restrictions.ipAllowlist !== undefined ? { ipAllowlist: k.restrictions.ipAllowlist } : {}),
    ...(k.restrictions.allowedOrigins ? { allowedOrigins: k.restrictions.allowedOrigins } : {}),
    ...(k.restrictions.assistants
      ? { assistants: k.restrictions.assistants.allowed, transient: k.restrictions.assistants.transient }
      : {}),
    expiresAt: k.expiresAt,
  };
}

/** A key of the primary workspace: its service account's keys. */
export async function readPrimaryKey(
  deps: KeyDeps,
  serviceAccountId: string,
  keyId: string,
): Promise<KeyRead> {
  let keys: ApiKey[];
  try {
    keys = await listKeys(deps, serviceAccountId);
  } catch (error) {
    // Its service account is gone, and the key with it.
    if (UpstreamError.is(error) && error.kind === "not_found") return { key: null, listedIds: new Set() };
    throw error;
  }
  const key = keys.find((k) => k.id === keyId);
  return { key: key ? fromApiKey(key) : null, listedIds: new Set(keys.map((k) => k.id)) };
}

/** A key of another connection (`group`: its group where the provider has groups). */
export async function readConnectionKey(
  { client }: Pick<ConnectionKeys, "client">,
  keyId: string,
  group: string | null,
): Promise<KeyRead> {
  const keys = await providerCall(() => client.list());
  const key = keys.find((k) => k.id === keyId && (group === null || k.group?.id === group));
  return { key: key ? fromProviderKey(key) : null, listedIds: new Set(keys.map((k) => k.id)) };
}
