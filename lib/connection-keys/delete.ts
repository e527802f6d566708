// Deleting a key on a connection (admins, with a recent sign-in checked by the handler). The key is
// read first: a 404 when it is gone, and its name for the audit row.
import "server-only";
import type { ConnectionDeps } from "@/lib/connections";
import { connectionKeysToWrite } from "./writable";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { connectionKeyEvent } from "./audit";
import { auditedWrite } from "./audited";
import { keyRefOf } from "./group";
import { readKey } from "./load";
import type { DeleteConnectionKeyBody, DeletedConnectionKeyAnswer } from "./types";

export async function deleteConnectionKey(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  connectionId: string,
  keyId: string,
  group: string | undefined,
  body: DeleteConnectionKeyBody,
): Promise<DeletedConnectionKeyAnswer> {
  const { connection, capabilities, client } = await connectionKeysToWrite(deps, ctx.actor, connectionId);
  const ref = keyRefOf(capabilities, keyId, group);
  const current = await readKey(client, ref);
  const event = connectionKeyEvent(
    ctx,
    "key_deleted",
    { connection, keyId: current.id, name: current.name, groupId: ref.group?.id ?? null },
    null,
    body.reason ?? null,
  );
  await auditedWrite(deps.db, event, () => client.delete(ref), undefined, {
    connection: { id: connection.id, capabilities },
    changes: () => [{ kind: "deleted", key: current }],
  });
  return { deleted: true };
}
