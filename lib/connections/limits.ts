// Setting a user's connection limits from the Users page: every id must name a connection that
// exists now (a 422 naming the entry otherwise), then access.ts stores the set.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { setConnectionLimits } from "./access";
import { listConnections, type ConnectionDeps } from "./list";
import type { ConnectionActionContext } from "./types";

export async function setUserConnectionLimits(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  userId: string,
  connectionIds: readonly string[],
): Promise<string[] | null> {
  const known = new Set((await listConnections(deps)).map((c) => c.id));
  const fields = connectionIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: ["connectionIds", i], message: "There is no connection with this id." }],
  );
  if (fields.length > 0)
    throw new ApiError(
      "validation_failed",
      `connectionIds.${String(fields[0]!.path[1])}: ${fields[0]!.message}`,
      {
        fields,
      },
    );
  return setConnectionLimits(deps.db, ctx, userId, connectionIds);
}
