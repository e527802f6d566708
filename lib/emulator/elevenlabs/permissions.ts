// ElevenLabs' `PermissionType`, the permissions a key can hold (API.md §4): the 28 of the 2025-08
// spec, the 21 added during 2026, and the two voice-collection ones only SDK 2.73 has; 51 in all.
// The emulator keeps its own copy of the upstream list so that it checks Keydesk rather than echoing
// it. The order is the upstream enum's, which the 422 message for an unknown permission lists.

export const PERMISSION_TYPES = [
  // The 2025-08 spec
  "text_to_speech",
  "speech_to_speech",
  "speech_to_text",
  "models_read",
  "models_write",
  "voices_read",
  "voices_write",
  "speech_history_read",
  "speech_history_write",
  "sound_generation",
  "audio_isolation",
  "voice_generation",
  "dubbing_read",
  "dubbing_write",
  "pronunciation_dictionaries_read",
  "pronunciation_dictionaries_write",
  "user_read",
  "user_write",
  "projects_read",
  "projects_write",
  "audio_native_read",
  "audio_native_write",
  "workspace_read",
  "workspace_write",
  "forced_alignment",
  "convai_read",
  "convai_write",
  "music_generation",
  // Added during 2026 (SDK 2.32 to 2.55+)
  "image_video_generation",
  "flows",
  "templates",
  "add_voice_from_voice_library",
  "create_instant_voice_clone",
  "create_professional_voice_clone",
  "publish_voice_to_voice_library",
  "share_voice_externally",
  "create_user_api_key",
  "workspace_analytics_full_read",
  "webhooks_write",
  "service_account_write",
  "group_members_manage",
  "workspace_members_read",
  "workspace_members_invite",
  "workspace_members_remove",
  "terms_of_service_accept",
  "audit_log_read",
  "conversation_privacy_manage",
  "copy_resources_cross_workspace",
  "synthid_detector",
  // In SDK 2.73's enum only
  "voice_collections_read",
  "voice_collections_write",
] as const;

export type PermissionType = (typeof PERMISSION_TYPES)[number];

const KNOWN: ReadonlySet<string> = new Set(PERMISSION_TYPES);

export function isPermissionType(value: unknown): value is PermissionType {
  return typeof value === "string" && KNOWN.has(value);
}
