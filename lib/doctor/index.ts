// The key doctor: why a key is failing and the fix, for every role that may see the key. The two
// entry points differ only in how the key is read (see read.ts); the access checks are those of the
// key's own pages (the primary workspace: keyDeps' check by the route; another connection:
// connectionKeys' 404/403). See DECISIONS.md.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connection-ids";
import { connectionKeys, findConnection, type ConnectionDeps } from "@/lib/connections";
import { ApiError } from "@/lib/http/api-error";
import type { KeyDeps } from "@/lib/keys/types";
import type { PermissionModel } from "@/lib/providers/types";
import { diagnose } from "./diagnose";
import { findOperation } from "./operations";
import { readConnectionKey, readPrimaryKey } from "./read";
import type { DiagnoseBody } from "./schema";
import type { Diagnosis } from "./types";

type Who = Pick<SessionUser, "id" | "role">;
const clues = (body: DiagnoseBody) => ({ pasted: body.pasted, ip: body.ip, operation: body.operation });

/** The schema takes any table's operation; the key's provider decides which table is right. */
function checkOperation(body: DiagnoseBody, model: PermissionModel["kind"]): void {
  if (!body.operation) return;
  if (findOperation(body.operation)?.model === model) return;
  throw new ApiError("validation_failed", "operation: choose one of this provider's operations", {
    fields: [{ path: ["operation"], message: "Choose one of this provider's operations" }],
  });
}

/** A key of the primary workspace; `keys` already checked for this user (keyDeps). */
export async function diagnosePrimaryKey(
  keys: KeyDeps,
  connections: ConnectionDeps,
  user: Who,
  body: DiagnoseBody,
): Promise<Diagnosis> {
  if (!body.saId)
    throw new ApiError("validation_failed", "saId: name the key's service account", {
      fields: [{ path: ["saId"], message: "Name the key's service account" }],
    });
  const saId = body.saId;
  checkOperation(body, "permission_list");
  const connection = await findConnection(connections, body.connectionId);
  return diagnose(keys.db, () => readPrimaryKey(keys, saId, body.keyId), {
    target: { connectionId: body.connectionId, group: saId, keyId: body.keyId },
    connectionName: connection?.name ?? "the ElevenLabs workspace",
    auditConnections: [...PRIMARY_CONNECTION_IDS, null],
    role: user.role,
    ...clues(body),
  });
}

/** A key of any other connection (404 for no such connection, 403 outside the user's access). */
export async function diagnoseConnectionKey(
  deps: ConnectionDeps,
  user: Who,
  body: DiagnoseBody,
): Promise<Diagnosis> {
  const keys = await connectionKeys(deps, user, body.connectionId);
  checkOperation(body, keys.capabilities.permissions.kind);
  const group = body.saId ?? null;
  return diagnose(deps.db, () => readConnectionKey(keys, body.keyId, group), {
    target: { connectionId: keys.connection.id, group, keyId: body.keyId },
    connectionName: keys.connection.name,
    auditConnections: [keys.connection.id],
    role: user.role,
    ...clues(body),
  });
}

export type * from "./types";
