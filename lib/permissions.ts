// The ElevenLabs key permissions (`PermissionType` in SDK 2.73: 51 values) and their grouping into
// product areas. This is the product's one list: the upstream client types with it and the UI draws
// its permission picker from it. The emulator keeps its own copy (lib/emulator/elevenlabs/
// permissions.ts) so it can catch a mistake here; tests/integration/emulator-permissions.test.ts
// checks the two hold the same values.

export const PERMISSIONS = [
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
  "voice_collections_read",
  "voice_collections_write",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** `"all"` is an unrestricted key; a list (possibly empty) is a restricted one. */
export type Permissions = "all" | Permission[];

const PERMISSION_SET: ReadonlySet<string> = new Set(PERMISSIONS);

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && PERMISSION_SET.has(value);
}

/** A read/write pair (Write includes Read in the picker) or a single capability. */
export type PermissionControl =
  | { kind: "pair"; label: string; read: Permission; write: Permission }
  | { kind: "single"; label: string; permission: Permission };

export interface ProductArea {
  id: string;
  label: string;
  controls: PermissionControl[];
}

const pair = (label: string, read: Permission, write: Permission): PermissionControl => ({
  kind: "pair",
  label,
  read,
  write,
});
const single = (label: string, permission: Permission): PermissionControl => ({
  kind: "single",
  label,
  permission,
});

export const PRODUCT_AREAS: readonly ProductArea[] = [
  {
    id: "audio",
    label: "Text to Speech and audio",
    controls: [
      single("Text to Speech", "text_to_speech"),
      single("Speech to Speech", "speech_to_speech"),
      single("Speech to Text", "speech_to_text"),
      single("Sound Effects", "sound_generation"),
      single("Audio Isolation", "audio_isolation"),
      single("Forced Alignment", "forced_alignment"),
      single("Music", "music_generation"),
      single("Image and Video", "image_video_generation"),
      pair("History", "speech_history_read", "speech_history_write"),
      pair("Models", "models_read", "models_write"),
    ],
  },
  {
    id: "voices",
    label: "Voices",
    controls: [
      pair("Voices", "voices_read", "voices_write"),
      pair("Voice collections", "voice_collections_read", "voice_collections_write"),
      single("Voice Design", "voice_generation"),
      single("Add voices from the Voice Library", "add_voice_from_voice_library"),
      single("Create instant voice clones", "create_instant_voice_clone"),
      single("Create professional voice clones", "create_professional_voice_clone"),
      single("Publish voices to the Voice Library", "publish_voice_to_voice_library"),
      single("Share voices externally", "share_voice_externally"),
      pair(
        "Pronunciation dictionaries",
        "pronunciation_dictionaries_read",
        "pronunciation_dictionaries_write",
      ),
    ],
  },
  {
    id: "dubbing",
    label: "Dubbing",
    controls: [pair("Dubbing", "dubbing_read", "dubbing_write")],
  },
  {
    id: "studio",
    label: "Studio and Audio Native",
    controls: [
      pair("Projects", "projects_read", "projects_write"),
      pair("Audio Native", "audio_native_read", "audio_native_write"),
    ],
  },
  {
    id: "convai",
    label: "Conversational AI",
    controls: [
      pair("Agents", "convai_read", "convai_write"),
      single("Conversation privacy", "conversation_privacy_manage"),
      single("Flows", "flows"),
      single("Templates", "templates"),
    ],
  },
  {
    id: "account",
    label: "User",
    controls: [
      pair("User", "user_read", "user_write"),
      single("Create user API keys", "create_user_api_key"),
      single("Accept terms of service", "terms_of_service_accept"),
    ],
  },
  {
    id: "workspace",
    label: "Workspace",
    controls: [
      pair("Workspace", "workspace_read", "workspace_write"),
      single("Full workspace analytics", "workspace_analytics_full_read"),
      single("Audit log", "audit_log_read"),
      single("Webhooks", "webhooks_write"),
      single("Service accounts", "service_account_write"),
      single("Group members", "group_members_manage"),
      single("See members", "workspace_members_read"),
      single("Invite members", "workspace_members_invite"),
      single("Remove members", "workspace_members_remove"),
      single("Copy resources across workspaces", "copy_resources_cross_workspace"),
    ],
  },
  {
    id: "safety",
    label: "Safety",
    controls: [single("SynthID detector", "synthid_detector")],
  },
];

/** The permissions a control stands for, in enum order. */
export function controlPermissions(control: PermissionControl): Permission[] {
  return control.kind === "pair" ? [control.read, control.write] : [control.permission];
}

const LABELS: ReadonlyMap<Permission, string> = new Map(
  PRODUCT_AREAS.flatMap((area) =>
    area.controls.flatMap((control): [Permission, string][] =>
      control.kind === "pair"
        ? [
            [control.read, `${control.label} (read)`],
            [control.write, `${control.label} (write)`],
          ]
        : [[control.permission, control.label]],
    ),
  ),
);

/**
 * A permission's name in words, as the picker shows it ("Voices (read)", "Text to Speech"); a value
 * this Keydesk does not know (a newer upstream's) is shown as it came.
 */
export function permissionLabel(permission: string): string {
  return LABELS.get(permission as Permission) ?? permission;
}
