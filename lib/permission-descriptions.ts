// What each ElevenLabs key permission lets a key do, in one plain sentence: the key's own page shows
// it beside the permission's name, so a reviewer can tell what a key can reach without knowing the
// API. A Record over the Permission type, so a permission added to lib/permissions.ts without a
// sentence here fails the type check (and permission-descriptions.test.ts says which one).
import type { Permission } from "./permissions";

export const PERMISSION_DESCRIPTIONS: Readonly<Record<Permission, string>> = {
  text_to_speech: "Turn text into spoken audio with any voice the key can reach.",
  speech_to_speech: "Re-voice a recording in another voice, keeping its delivery.",
  speech_to_text: "Transcribe audio and video into text.",
  models_read: "List the available models and what each can do.",
  models_write: "Change the workspace's model settings.",
  voices_read: "List the voices and read their settings and samples.",
  voices_write: "Add, edit and delete voices and their settings.",
  speech_history_read: "Read and download audio generated earlier, from the history.",
  speech_history_write: "Delete items from the generation history.",
  sound_generation: "Generate sound effects from a text prompt.",
  audio_isolation: "Strip background noise from audio, leaving the voices.",
  voice_generation: "Design new voices from a text description.",
  dubbing_read: "Read dubbing projects and download the dubbed audio.",
  dubbing_write: "Start, change and delete dubbing projects.",
  pronunciation_dictionaries_read: "Read pronunciation dictionaries and their rules.",
  pronunciation_dictionaries_write: "Create and change pronunciation dictionaries.",
  user_read: "Read the account's profile and subscription, including its usage.",
  user_write: "Change the account's profile settings.",
  projects_read: "Read Studio projects and their chapters.",
  projects_write: "Create, edit, convert and delete Studio projects.",
  audio_native_read: "Read the Audio Native players embedded on websites.",
  audio_native_write: "Create and change Audio Native players for websites.",
  workspace_read: "Read the workspace's settings and shared resources.",
  workspace_write: "Change the workspace's settings and what it shares.",
  forced_alignment: "Line a transcript up with its audio, word by word with timings.",
  convai_read: "Read conversational agents, their conversations and knowledge bases.",
  convai_write: "Create, change and delete conversational agents and their tools.",
  music_generation: "Compose music from a text prompt.",
  image_video_generation: "Generate images and video.",
  flows: "Build and run flows that chain several generation steps.",
  templates: "Use and manage the workspace's templates.",
  add_voice_from_voice_library: "Add voices shared in the Voice Library to the account.",
  create_instant_voice_clone: "Clone a voice from a short sample.",
  create_professional_voice_clone: "Train a high-quality voice clone from longer recordings.",
  publish_voice_to_voice_library: "Publish the account's voices in the public Voice Library.",
  share_voice_externally: "Share voices with people outside the workspace.",
  create_user_api_key: "Create further API keys for the user, so whoever holds this key can mint new ones.",
  workspace_analytics_full_read: "Read the whole workspace's usage analytics, for every member.",
  webhooks_write: "Create, change and delete webhooks that send workspace events to outside addresses.",
  service_account_write: "Create and change service accounts and their keys: close to admin access.",
  group_members_manage: "Add people to the workspace's groups and remove them.",
  workspace_members_read: "List the workspace's members and their roles.",
  workspace_members_invite: "Invite new people into the workspace.",
  workspace_members_remove: "Remove people from the workspace.",
  terms_of_service_accept: "Accept terms of service on the account's behalf.",
  audit_log_read: "Read the workspace's own audit log of who did what.",
  conversation_privacy_manage: "Change how agents' conversations are recorded, kept and deleted.",
  copy_resources_cross_workspace: "Copy voices, projects and other resources into another workspace.",
  synthid_detector: "Check whether audio carries a SynthID watermark of AI generation.",
  voice_collections_read: "Read voice collections and the voices in them.",
  voice_collections_write: "Create and change voice collections.",
};

/** A permission's sentence; null for a value this Keydesk does not know (a newer upstream's). */
export function permissionDescription(permission: string): string | null {
  return Object.hasOwn(PERMISSION_DESCRIPTIONS, permission)
    ? PERMISSION_DESCRIPTIONS[permission as Permission]
    : null;
}
