// Rotation where the provider has no rotate: create a twin with the old key's settings, then
// delete the old key. Once the twin exists it is never lost: if the delete fails, the result says
// so (with the error) and still carries the twin and its secret.
import "server-only";
import type { CreatedKey, KeyPermissions, PermissionsInput, RotationResult } from "./types";

export async function rotateByTwin(
  oldId: string,
  createTwin: () => Promise<CreatedKey>,
  deleteOld: () => Promise<void>,
): Promise<RotationResult> {
  // A failed create throws: nothing was made, nothing is lost.
  const twin = await createTwin();
  try {
    await deleteOld();
    return { style: "twin_then_delete", twin, old: { id: oldId, outcome: "deleted" } };
  } catch (error) {
    return {
      style: "twin_then_delete",
      twin,
      old: {
        id: oldId,
        outcome: "delete_failed",
        error: error instanceof Error ? error : new Error(String(error)),
      },
    };
  }
}

/** A key's permissions as input for its twin (names Keydesk does not know cannot be sent back). */
export function permissionsOf(permissions: KeyPermissions): PermissionsInput {
  switch (permissions.kind) {
    case "permission_list":
      return { kind: "permission_list", value: permissions.value };
    case "scopes":
      return { kind: "scopes", value: permissions.value };
    case "key_type":
      return { kind: "key_type", value: permissions.value };
  }
}
