// A key's finish on a timetable on a connection other than the primary workspace (disabled in N
// hours where the provider can, deleted in M days): anyone whose access includes the connection
// reads it; admins set, change and cancel it with a recent sign-in. `?group=` as the keys API.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { assertCanUseConnection } from "@/lib/connections";
import { connectionKeyParamsSchema, keyGroupQuerySchema } from "@/lib/connection-keys/schema";
import {
  cancelFinish,
  connectionTarget,
  finishScheduleOf,
  finishScheduleSchema,
  scheduleFinish,
} from "@/lib/rotation-schedule";

const spec = { params: connectionKeyParamsSchema, query: keyGroupQuerySchema };

export const GET = withRole(["admin", "support", "reviewer"], spec, async ({ user, params }) => {
  const deps = await connectionDeps();
  await assertCanUseConnection(user, params.connectionId, deps.db);
  return { schedule: await finishScheduleOf(deps.db, params) };
});

export const PUT = withRole(
  ["admin"],
  { ...spec, body: finishScheduleSchema },
  async ({ user, info: requestInfo, params, query, body }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    const deps = await connectionDeps();
    const target = connectionTarget(deps, params.connectionId, params.keyId, query.group ?? null);
    return { schedule: await scheduleFinish(deps.db, target, { actor: user, info }, body) };
  },
);

export const DELETE = withRole(["admin"], spec, async ({ user, info: requestInfo, params, query }) => {
  const info = await requireRecentSignIn({ user, info: requestInfo });
  const deps = await connectionDeps();
  const target = connectionTarget(deps, params.connectionId, params.keyId, query.group ?? null);
  return { schedule: await cancelFinish(deps.db, target, { actor: user, info }) };
});
