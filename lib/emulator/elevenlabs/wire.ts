// Records as ElevenLabs sends them: every required field always present, hyphenated names where
// the real API uses them ("api-keys"), nullable fields sent as null rather than left out.
import type { KeyRecord, ServiceAccountRecord } from "./store";

export function keyToWire(key: KeyRecord) {
  const limits = key.concurrency_limits;
  const hasPlatformLimits =
    limits.tts !== undefined || limits.dubbing !== undefined || limits.music !== undefined;
  return {
    name: key.name,
    hint: key.hint,
    key_id: key.key_id,
    service_account_user_id: key.service_account_user_id,
    hashed_xi_api_key: key.hashed_xi_api_key,
    created_at_unix: key.created_at_unix,
    is_disabled: key.is_disabled,
    permissions: key.permissions,
    disable_reason: key.disable_reason,
    character_limit: key.character_limit,
    character_count: key.character_count,
    allowed_ips: key.allowed_ips,
    third_party_disable_allowed: key.third_party_disable_allowed,
    ...(hasPlatformLimits
      ? {
          platform_limits: {
            concurrency: limits.tts === undefined ? undefined : { limit: limits.tts },
            dubbing_concurrency: limits.dubbing === undefined ? undefined : { limit: limits.dubbing },
            music_concurrency: limits.music === undefined ? undefined : { limit: limits.music },
          },
        }
      : {}),
  };
}

export function serviceAccountToWire(account: ServiceAccountRecord) {
  return {
    service_account_user_id: account.service_account_user_id,
    name: account.name,
    created_at_unix: account.created_at_unix,
    "api-keys": [...account.keys.values()].map(keyToWire),
    default_sharing_groups: [],
  };
}
