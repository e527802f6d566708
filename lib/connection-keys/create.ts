// Creating a key on a connection (admins; "all" needs a recent sign-in, checked by the handler).
// The input is checked against the provider's capabilities before the audit attempt, so a refusal
// writes nothing and sends nothing. The secret is answered once and recorded nowhere.
import "server-only";
import type { AuditChanges } from "@/lib/audit/types";
import type { ConnectionDeps } from "@/lib/connections";
import { connectionKeysToWrite } from "./writable";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { checkNewKey } from "@/lib/providers/guard";
import type { NewKey } from "@/lib/providers/types";
import { connectionKeyEvent } from "./audit";
import { auditedWrite } from "./audited";
import { providerCall } from "./provider-call";
import type { CreatedConnectionKeyAnswer, NewConnectionKeyBody } from "./types";
import { connectionKeyView } from "./view";
import { assertKeyKeepsPolicies } from "@/lib/policies/enforce";

/** Every setting asked for, as null → value: the audit row of a create says what the key was made with. */
function createdWith(body: NewConnectionKeyBody): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(body))
    if (value !== undefined && field !== "groupId") changes[field] = { before: null, after: value };
  return changes;
}

export async function createConnectionKey(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  connectionId: string,
  body: NewConnectionKeyBody,
): Promise<CreatedConnectionKeyAnswer> {
  const { connection, capabilities, client } = await connectionKeysToWrite(deps, ctx.actor, connectionId);
  const input: NewKey = body;
  await providerCall(async () => checkNewKey(capabilities, input));
  await assertKeyKeepsPolicies(deps.db, input, capabilities);
  const event = connectionKeyEvent(
    ctx,
    "key_created",
    { connection, keyId: null, name: body.name, groupId: body.groupId ?? null },
    createdWith(body),
    null,
  );
  const created = await auditedWrite(
    deps.db,
    event,
    () => client.create(input),
    (c) => c.key.id,
    { connection: { id: connection.id, capabilities }, changes: (c) => [{ kind: "created", key: c.key }] },
  );
  return { key: connectionKeyView(created.key), secret: created.secret };
}
