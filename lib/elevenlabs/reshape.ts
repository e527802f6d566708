// Wire models (as the SDK hands them over) to Keydesk's domain types. The only place that knows
// the upstream's field names and its "null means unrestricted" convention.
import "server-only";
import type { ElevenLabs } from "@elevenlabs/elevenlabs-js";
import type { ApiKey, ServiceAccount } from "./types";
import { isPermission, type Permission } from "@/lib/permissions";

function isoFromUnix(seconds: number | undefined | null): string | null {
  return typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : null;
}

export function reshapeKey(wire: ElevenLabs.WorkspaceApiKeyResponseModel): ApiKey {
  // The SDK turns a null `permissions` (a key created with "all") into undefined.
  const raw: string[] | undefined = wire.permissions ?? undefined;
  const known: Permission[] = [];
  const unknown: string[] = [];
  for (const p of raw ?? []) (isPermission(p) ? known : unknown).push(p);
  return {
    id: wire.keyId,
    serviceAccountId: wire.serviceAccountUserId,
    name: wire.name,
    hint: wire.hint,
    hashedSecret: wire.hashedXiApiKey,
    enabled: !(wire.isDisabled ?? false),
    disableReason: wire.disableReason ?? null,
    permissions: raw === undefined ? "all" : known,
    unknownPermissions: unknown,
    characterLimit: wire.characterLimit ?? null,
    characterCount: wire.characterCount ?? null,
    allowedIps: wire.allowedIps ?? null,
    thirdPartyDisableAllowed: wire.thirdPartyDisableAllowed ?? null,
    createdAt: isoFromUnix(wire.createdAtUnix),
  };
}

export function reshapeServiceAccount(wire: ElevenLabs.WorkspaceServiceAccountResponseModel): ServiceAccount {
  return {
    id: wire.serviceAccountUserId,
    name: wire.name,
    createdAt: isoFromUnix(wire.createdAtUnix),
    keys: wire.apiKeys.map(reshapeKey),
  };
}
