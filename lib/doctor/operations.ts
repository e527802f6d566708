// The ElevenLabs operations a caller may have tried, each with the one permission it needs: the
// product's own table (the emulator keeps its own, lib/emulator/elevenlabs/operations.ts), drawn
// from ElevenLabs' API reference and its error text "The API key you used is missing the permission
// <perm> to execute this operation." Grouped like the permission picker (PRODUCT_AREAS), so the
// doctor's picker reads like the key form. Only permissions of lib/permissions.ts's enum appear.
// DocSpace's table is docspace-operations.ts; which one a key's picker shows follows its provider's
// permission model (capabilities.permissions.kind): a provider without one (Voiceable) has none.
// Plain data: the browser draws the picker from it.
import { PRODUCT_AREAS, type Permission } from "@/lib/permissions";
import type { DocspaceScope, PermissionModel } from "@/lib/providers/types";
import { DOCSPACE_AREAS, DOCSPACE_OPERATIONS } from "./docspace-operations";

/** A table's operation as the doctor uses it: what it needs, in which permission model. */
export interface NeededBy {
  id: string;
  label: string;
  call: string;
  model: "permission_list" | "scopes";
  /** The ElevenLabs permission or the DocSpace scope it needs. */
  permission: Permission | DocspaceScope;
}

export interface Operation {
  id: string;
  /** What the caller tried, in words. */
  label: string;
  /** The call, as the caller's code or log shows it. */
  call: string;
  permission: Permission;
  /** The PRODUCT_AREAS id it is listed under. */
  area: string;
}

const op = (area: string, id: string, label: string, call: string, permission: Permission): Operation => ({
  id,
  label,
  call,
  permission,
  area,
});

export const OPERATIONS: readonly Operation[] = [
  op("audio", "text_to_speech", "Text to Speech", "POST /v1/text-to-speech/{voice_id}", "text_to_speech"),
  op(
    "audio",
    "text_to_speech_stream",
    "Text to Speech (stream)",
    "POST /v1/text-to-speech/{voice_id}/stream",
    "text_to_speech",
  ),
  op(
    "audio",
    "speech_to_speech",
    "Voice changer (Speech to Speech)",
    "POST /v1/speech-to-speech/{voice_id}",
    "speech_to_speech",
  ),
  op("audio", "speech_to_text", "Speech to Text", "POST /v1/speech-to-text", "speech_to_text"),
  op("audio", "sound_generation", "Sound effects", "POST /v1/sound-generation", "sound_generation"),
  op("audio", "audio_isolation", "Audio isolation", "POST /v1/audio-isolation", "audio_isolation"),
  op("audio", "forced_alignment", "Forced alignment", "POST /v1/forced-alignment", "forced_alignment"),
  op("audio", "music", "Compose music", "POST /v1/music", "music_generation"),
  op("audio", "history_list", "List generation history", "GET /v1/history", "speech_history_read"),
  op(
    "audio",
    "history_delete",
    "Delete a history item",
    "DELETE /v1/history/{history_item_id}",
    "speech_history_write",
  ),
  op("audio", "models_list", "List models", "GET /v1/models", "models_read"),
  op("voices", "voices_list", "List or search voices", "GET /v1/voices", "voices_read"),
  op("voices", "voice_get", "Get a voice", "GET /v1/voices/{voice_id}", "voices_read"),
  op("voices", "voice_edit", "Edit or delete a voice", "POST /v1/voices/{voice_id}/edit", "voices_write"),
  op("voices", "voice_design", "Design a voice", "POST /v1/text-to-voice/design", "voice_generation"),
  op(
    "voices",
    "voice_clone",
    "Make an instant voice clone",
    "POST /v1/voices/add",
    "create_instant_voice_clone",
  ),
  op(
    "voices",
    "voice_library_add",
    "Add a voice from the Voice Library",
    "POST /v1/voices/add/{public_user_id}/{voice_id}",
    "add_voice_from_voice_library",
  ),
  op(
    "voices",
    "dictionaries_list",
    "List pronunciation dictionaries",
    "GET /v1/pronunciation-dictionaries",
    "pronunciation_dictionaries_read",
  ),
  op("dubbing", "dubbing_create", "Dub a file", "POST /v1/dubbing", "dubbing_write"),
  op("dubbing", "dubbing_get", "Get a dubbing", "GET /v1/dubbing/{dubbing_id}", "dubbing_read"),
  op("studio", "projects_list", "List Studio projects", "GET /v1/studio/projects", "projects_read"),
  op("studio", "projects_create", "Create a Studio project", "POST /v1/studio/projects", "projects_write"),
  op(
    "studio",
    "audio_native_create",
    "Create an Audio Native player",
    "POST /v1/audio-native",
    "audio_native_write",
  ),
  op("convai", "agents_list", "List agents", "GET /v1/convai/agents", "convai_read"),
  op("convai", "agents_create", "Create or edit an agent", "POST /v1/convai/agents/create", "convai_write"),
  op("account", "user_get", "Get the user (subscription, character count)", "GET /v1/user", "user_read"),
  op("account", "user_subscription", "Get the subscription", "GET /v1/user/subscription", "user_read"),
  op(
    "workspace",
    "workspace_members",
    "List workspace members",
    "GET /v1/workspace/members",
    "workspace_members_read",
  ),
  op("workspace", "usage_stats", "Read character usage", "GET /v1/usage/character-stats", "workspace_read"),
  op("workspace", "webhooks", "Manage webhooks", "POST /v1/workspace/webhooks", "webhooks_write"),
  op("safety", "synthid", "Check audio with SynthID", "POST /v1/synthid/detect", "synthid_detector"),
];

const BY_ID: ReadonlyMap<string, NeededBy> = new Map([
  ...OPERATIONS.map((o): [string, NeededBy] => [o.id, { ...o, model: "permission_list" }]),
  ...DOCSPACE_OPERATIONS.map((o): [string, NeededBy] => [
    o.id,
    { id: o.id, label: o.label, call: o.call, model: "scopes", permission: o.scope },
  ]),
]);

/** An operation of any provider's table (ids are unique across them). */
export function findOperation(id: string): NeededBy | null {
  return BY_ID.get(id) ?? null;
}

export interface OperationGroup {
  id: string;
  label: string;
  operations: { id: string; label: string; call: string }[];
}

/**
 * The picker's groups for a key whose provider has this permission model: ElevenLabs' by product
 * area, DocSpace's by scope area, none for a model without named permissions (Voiceable's key type).
 */
export function operationGroups(model: PermissionModel["kind"]): OperationGroup[] {
  const groups: OperationGroup[] =
    model === "permission_list"
      ? PRODUCT_AREAS.map((area) => ({
          id: area.id,
          label: area.label,
          operations: OPERATIONS.filter((o) => o.area === area.id),
        }))
      : model === "scopes"
        ? DOCSPACE_AREAS.map((area) => ({
            id: area.id,
            label: area.label,
            operations: DOCSPACE_OPERATIONS.filter((o) => o.area === area.id),
          }))
        : [];
  return groups.filter((g) => g.operations.length > 0);
}

/** The same groups holding only what the picker draws: what a page sends the browser. */
export function pickerGroups(model: PermissionModel["kind"] | null): OperationGroup[] {
  if (model === null) return [];
  return operationGroups(model).map((g) => ({
    id: g.id,
    label: g.label,
    operations: g.operations.map(({ id, label, call }) => ({ id, label, call })),
  }));
}
