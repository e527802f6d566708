// One key of a bulk change, through the same audited paths the per-key routes use: lib/keys for the
// primary ElevenLabs workspace (its Service accounts pages' writes), lib/connection-keys for every
// other connection. Each answers with an outcome for the key's row, never throws for the key's own
// trouble (one key failing never stops the others).
//
// Doing a key twice has the effect of doing it once. Every change carries what the key must still
// be (`expected.enabled`, the opposite of the target), so the second try of a key whose first try
// was applied finds it already as asked and writes nothing: for a key this run had begun before it
// died (`resumed`), that is "done"; for a key not begun, someone else did it: "skipped". A delete of
// a key already gone is the same: done if begun before, skipped otherwise.
import "server-only";
import type { ConnectionDeps } from "@/lib/connections";
import { changeConnectionKey, deleteConnectionKey } from "@/lib/connection-keys";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connection-ids";
import type { Upstream } from "@/lib/elevenlabs/client";
import { fromUpstream, UpstreamError } from "@/lib/elevenlabs/errors";
import { ApiError } from "@/lib/http/api-error";
import { changeKey, removeKey, type KeyActionContext } from "@/lib/keys";
import { jobFailure } from "@/lib/jobs/failure";
import type { BulkAction, BulkKeyState } from "./types";

export interface BulkActDeps {
  /** The primary connection's upstream (opened when a primary key is met). */
  upstream: () => Promise<Upstream>;
  connections: ConnectionDeps;
}

export interface BulkKeyTarget {
  connectionId: string;
  keyId: string;
  groupId: string | null;
}

export interface KeyOutcome {
  state: Exclude<BulkKeyState, "pending" | "working">;
  message: string | null;
  name?: string;
}

const PAST: Record<BulkAction, string> = { enable: "enabled", disable: "disabled", delete: "deleted" };

/** Keydesk's own words for what went wrong (never an upstream's text as it came, nor a stack). */
export function messageOf(error: unknown): string {
  if (ApiError.is(error)) return error.message;
  if (UpstreamError.is(error)) return fromUpstream(error).message;
  return jobFailure(error).message;
}

function isGone(error: unknown): boolean {
  return (
    (UpstreamError.is(error) && error.kind === "not_found") ||
    (ApiError.is(error) && error.code === "not_found")
  );
}

/** A 409 whose key, as it is now, is already as asked. */
function alreadyAsAsked(error: unknown, enabled: boolean): boolean {
  if (!ApiError.is(error) || error.code !== "conflict") return false;
  const current = error.extra.current as { enabled?: unknown } | undefined;
  return current?.enabled === enabled;
}

async function write(
  deps: BulkActDeps,
  ctx: KeyActionContext,
  action: BulkAction,
  reason: string | null,
  key: BulkKeyTarget,
): Promise<string | undefined> {
  // This process has one primary workspace, whichever of its two ids (environment, demo) names it.
  const primary = PRIMARY_CONNECTION_IDS.includes(key.connectionId);
  if (primary && !key.groupId)
    throw new ApiError(
      "validation_failed",
      "saId: This workspace's keys are named with their service account.",
    );
  if (action === "delete") {
    if (primary)
      await removeKey(
        { upstream: await deps.upstream(), db: deps.connections.db },
        ctx,
        key.groupId!,
        key.keyId,
      );
    else
      await deleteConnectionKey(
        deps.connections,
        ctx,
        key.connectionId,
        key.keyId,
        key.groupId ?? undefined,
        {
          ...(reason ? { reason } : {}),
        },
      );
    return undefined;
  }
  const enabled = action === "enable";
  const change = { enabled, ...(reason ? { reason } : {}), expected: { enabled: !enabled } };
  if (primary) {
    const { key: changed } = await changeKey(
      { upstream: await deps.upstream(), db: deps.connections.db },
      ctx,
      key.groupId!,
      key.keyId,
      change,
    );
    return changed.name;
  }
  const answer = await changeConnectionKey(
    deps.connections,
    ctx,
    key.connectionId,
    key.keyId,
    key.groupId ?? undefined,
    change,
  );
  return answer.key.name;
}

/** Does `action` to one key for `ctx.actor`; `resumed`: a run had begun this key and did not finish it. */
export async function actOnKey(
  deps: BulkActDeps,
  ctx: KeyActionContext,
  action: BulkAction,
  reason: string | null,
  key: BulkKeyTarget,
  resumed: boolean,
): Promise<KeyOutcome> {
  try {
    const name = await write(deps, ctx, action, reason, key);
    return { state: "done", message: null, ...(name ? { name } : {}) };
  } catch (error) {
    if (action === "delete" && isGone(error))
      return resumed
        ? { state: "done", message: "Found gone on resuming after a restart: counted as deleted." }
        : { state: "skipped", message: "Already gone: nothing to delete." };
    if (action !== "delete" && alreadyAsAsked(error, action === "enable"))
      return resumed
        ? { state: "done", message: `Found already ${PAST[action]} on resuming after a restart.` }
        : {
            state: "skipped",
            message: `Already ${PAST[action]}: someone else changed it meanwhile, so Keydesk left it alone.`,
          };
    return { state: "failed", message: messageOf(error) };
  }
}
