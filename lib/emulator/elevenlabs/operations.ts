// The ordinary endpoints a key is used for, and the permission each needs: the emulator's own table
// (Keydesk keeps its own in lib/doctor, so a mistake in one shows against the other). The
// permissions are the ones real ElevenLabs names in its 401 missing_permissions message for these
// endpoints (observed: "missing the permission voices_read" for GET /v1/voices and
// /v1/voices/{id}, models_read for GET /v1/models, user_read for GET /v1/user, text_to_speech for
// POST /v1/text-to-speech/{voice_id}).
import type { PermissionType } from "./permissions";

export type OperationId = "list_voices" | "get_voice" | "list_models" | "get_user" | "text_to_speech";

export interface Operation {
  id: OperationId;
  method: "GET" | "POST";
  /** The route as ElevenLabs documents it; `{name}` is one path segment. */
  path: string;
  permission: PermissionType;
  /** Whether a call spends credits, so a key's character_limit can refuse it. */
  costsCredits: boolean;
}

export const OPERATIONS: Record<OperationId, Operation> = {
  list_voices: {
    id: "list_voices",
    method: "GET",
    path: "/v1/voices",
    permission: "voices_read",
    costsCredits: false,
  },
  get_voice: {
    id: "get_voice",
    method: "GET",
    path: "/v1/voices/{voice_id}",
    permission: "voices_read",
    costsCredits: false,
  },
  list_models: {
    id: "list_models",
    method: "GET",
    path: "/v1/models",
    permission: "models_read",
    costsCredits: false,
  },
  get_user: { id: "get_user", method: "GET", path: "/v1/user", permission: "user_read", costsCredits: false },
  text_to_speech: {
    id: "text_to_speech",
    method: "POST",
    path: "/v1/text-to-speech/{voice_id}",
    permission: "text_to_speech",
    costsCredits: true,
  },
};

/** Whether a key's permission list (null: unrestricted) allows an operation. */
export function permits(permissions: readonly PermissionType[] | null, operation: Operation): boolean {
  return permissions === null || permissions.includes(operation.permission);
}
