// What admins do on the Connections page: add (after a live check of the credential), test, rename
// and remove. Only connections added here can be renamed or removed; the file's and the
// environment's are changed where they are declared. Every action is on the audit log.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { recordConnectionAction } from "./audit";
import { normaliseBaseUrl } from "./base-url";
import { checkFailure } from "./check";
import { findConnection, lazyKeyring, listConnections, type ConnectionDeps } from "./list";
import type { NewConnectionInput } from "./schema";
import { deleteStoredConnection, insertConnection, newConnectionId, renameStoredConnection } from "./store";
import type { Connection, ConnectionActionContext, ConnectionView } from "./types";
import { connectionView } from "./view";

const SOURCE_WORDS = {
  file: "is declared in KEYDESK_CONNECTIONS_FILE; change it there",
  environment: "comes from ELEVENLABS_API_KEY; change it in the environment",
  demo: "is demo mode's emulator",
} as const;

async function assertNameFree(deps: ConnectionDeps, name: string, exceptId?: string): Promise<void> {
  const taken = (await listConnections(deps)).find(
    (c) => c.id !== exceptId && c.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) {
    const message = "Another connection already has this name.";
    throw new ApiError("validation_failed", `name: ${message}`, { fields: [{ path: ["name"], message }] });
  }
}

async function editable(deps: ConnectionDeps, id: string): Promise<Connection> {
  const found = await findConnection(deps, id);
  if (!found) throw new ApiError("not_found", "There is no such connection.");
  if (found.source !== "database")
    throw new ApiError("conflict", `The connection "${found.name}" ${SOURCE_WORDS[found.source]}.`);
  return found;
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } })?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  return code === "23505";
}

export interface CheckedConnection {
  connection: ConnectionView;
  summary: string;
}

export async function addConnection(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  input: NewConnectionInput,
): Promise<CheckedConnection> {
  const baseUrl = normaliseBaseUrl(input.baseUrl);
  // The key first: with none configured, nothing is sent upstream and nothing is stored.
  const keys = lazyKeyring(deps.keys);
  void keys.current;
  await assertNameFree(deps, input.name);
  const id = newConnectionId();
  const target = { id, name: input.name, provider: input.provider, baseUrl };
  const checked = await deps.check(input.provider, { baseUrl, credential: input.credential });
  if (!checked.ok) {
    await recordConnectionAction(deps.db, ctx, "connection_created", target, null, {
      outcome: "error",
      errorCode: `credential_${checked.reason}`,
      upstreamRequestId: checked.requestId,
    });
    throw checkFailure(checked, input.credential);
  }
  let stored: Connection;
  try {
    stored = await insertConnection(deps.db, keys, {
      ...target,
      credential: input.credential,
      createdBy: ctx.actor.id,
    });
  } catch (error) {
    if (isUniqueViolation(error)) await assertNameFree(deps, input.name);
    throw error;
  }
  await recordConnectionAction(
    deps.db,
    ctx,
    "connection_created",
    target,
    {
      name: { before: null, after: input.name },
      provider: { before: null, after: input.provider },
      baseUrl: { before: null, after: baseUrl },
    },
    { outcome: "ok" },
  );
  return { connection: connectionView(stored), summary: checked.summary };
}

/** Re-runs the live check with the stored credential; a failure is thrown as the add's would be. */
export async function testConnection(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  id: string,
): Promise<CheckedConnection> {
  const found = await findConnection(deps, id);
  if (!found) throw new ApiError("not_found", "There is no such connection.");
  const credential = await found.credential();
  const checked = await deps.check(found.provider, { baseUrl: found.baseUrl, credential });
  await recordConnectionAction(
    deps.db,
    ctx,
    "connection_tested",
    found,
    null,
    checked.ok
      ? { outcome: "ok" }
      : { outcome: "error", errorCode: `credential_${checked.reason}`, upstreamRequestId: checked.requestId },
  );
  if (!checked.ok) throw checkFailure(checked, credential);
  return { connection: connectionView(found), summary: checked.summary };
}

export async function renameConnection(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  id: string,
  name: string,
): Promise<ConnectionView> {
  const found = await editable(deps, id);
  if (found.name === name) return connectionView(found);
  await assertNameFree(deps, name, id);
  try {
    if (!(await renameStoredConnection(deps.db, id, name)))
      throw new ApiError("not_found", "There is no such connection.");
  } catch (error) {
    if (isUniqueViolation(error)) await assertNameFree(deps, name, id);
    throw error;
  }
  await recordConnectionAction(
    deps.db,
    ctx,
    "connection_renamed",
    { ...found, name },
    { name: { before: found.name, after: name } },
    { outcome: "ok" },
  );
  return connectionView({ ...found, name });
}

export async function removeConnection(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  id: string,
): Promise<void> {
  const found = await editable(deps, id);
  if (!(await deleteStoredConnection(deps.db, id)))
    throw new ApiError("not_found", "There is no such connection.");
  await recordConnectionAction(
    deps.db,
    ctx,
    "connection_removed",
    found,
    {
      name: { before: found.name, after: null },
      provider: { before: found.provider, after: null },
      baseUrl: { before: found.baseUrl, after: null },
    },
    { outcome: "ok" },
  );
}
