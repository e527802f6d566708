// The keys of every connection other than the primary ElevenLabs one (which the inventory reads its
// own way: shared read, snapshots, rotations; read.ts), each with its own outcome: a connection that
// fails gives its own error with the upstream's request id and never holds back the others' keys.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { connectionFromEnvironment } from "@/lib/connections/environment";
import { readAllConnections, type ConnectionDeps, type ConnectionRead } from "@/lib/connections";
import { getProvider } from "@/lib/providers";
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import type { ProviderKey } from "@/lib/providers/types";
import type { InventoryConnection, OtherConnectionRead } from "./connections";
import type { InventoryKey } from "./types";

/**
 * A key of another connection in the inventory's shape, field by field (no secret hash), with how
 * Keydesk first learned of it when its read was compared with the last (lib/observed).
 */
export function toOtherInventoryKey(key: ProviderKey, origin: KeyOrigin | null = null): InventoryKey {
  const { characterLimit, ipAllowlist } = key.restrictions;
  return {
    id: key.id,
    serviceAccountId: key.group?.id ?? "",
    serviceAccountName: key.group?.name ?? "",
    name: key.name,
    hint: key.hint ?? "",
    enabled: key.enabled,
    // The ElevenLabs permission filter and summary read this list; other models keep it empty.
    permissions: key.permissions.kind === "permission_list" ? key.permissions.value : [],
    characterLimit: characterLimit?.limit ?? null,
    characterCount: characterLimit?.used ?? null,
    allowedIps: ipAllowlist ?? null,
    createdAt: key.createdAt,
    disableReason: key.disableReason,
    rotation: null,
    origin,
    details: {
      owner: key.owner,
      lastUsedAt: key.lastUsedAt,
      expiresAt: key.expiresAt,
      access: key.permissions,
      restrictions: {
        ...(key.restrictions.characterLimit
          ? { characterLimit: { ...key.restrictions.characterLimit } }
          : {}),
        ...(key.restrictions.ipAllowlist !== undefined
          ? { ipAllowlist: key.restrictions.ipAllowlist && [...key.restrictions.ipAllowlist] }
          : {}),
        ...(key.restrictions.allowedOrigins ? { allowedOrigins: [...key.restrictions.allowedOrigins] } : {}),
        ...(key.restrictions.assistants
          ? {
              assistants: {
                allowed: [...key.restrictions.assistants.allowed],
                transient: key.restrictions.assistants.transient,
              },
            }
          : {}),
      },
    },
  };
}

export function inventoryConnection(
  read: Pick<ConnectionRead, "connection" | "capabilities">,
): InventoryConnection {
  const { id, name, provider } = read.connection;
  return { id, name, provider, capabilities: read.capabilities };
}

/** One connection's read as the browser gets it. */
export function toOtherConnectionRead(read: ConnectionRead): OtherConnectionRead {
  const connection = inventoryConnection(read);
  return read.ok
    ? {
        connection,
        ok: true,
        readAt: read.readAt,
        keys: read.keys.map((key) => toOtherInventoryKey(key, read.origins?.get(key.id) ?? null)),
      }
    : { connection, ok: false, error: { ...read.error } };
}

/** The connection the inventory reads its own way (the environment's, or demo mode's). */
export async function primaryConnection(): Promise<InventoryConnection> {
  const c = await connectionFromEnvironment();
  return { id: c.id, name: c.name, provider: c.provider, capabilities: getProvider(c.provider).capabilities };
}

export async function readOtherConnections(
  deps: ConnectionDeps,
  user: Pick<SessionUser, "id" | "role">,
): Promise<OtherConnectionRead[]> {
  const reads = await readAllConnections(deps, user, { exclude: [(await primaryConnection()).id] });
  return reads.map(toOtherConnectionRead);
}
