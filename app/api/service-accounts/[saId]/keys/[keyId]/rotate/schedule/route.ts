// A rotation's finish on a timetable (the old key disabled in N hours, deleted in M days): anyone
// who may see the key reads it; admins set, change and cancel it with a recent sign-in, as
// finishing by hand needs.
import { withRole } from "@/lib/api/with-role";
import { database, keyDeps } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { assertCanUsePrimaryConnection } from "@/lib/connections";
import { keyParamsSchema } from "@/lib/keys";
import {
  cancelFinish,
  finishScheduleOf,
  finishScheduleSchema,
  PRIMARY,
  primaryTarget,
  scheduleFinish,
} from "@/lib/rotation-schedule";

export const GET = withRole(
  ["admin", "support", "reviewer"],
  { params: keyParamsSchema },
  async ({ user, params }) => {
    const db = await database();
    await assertCanUsePrimaryConnection(user, db);
    return { schedule: await finishScheduleOf(db, { connectionId: PRIMARY, keyId: params.keyId }) };
  },
);

export const PUT = withRole(
  ["admin"],
  { params: keyParamsSchema, body: finishScheduleSchema },
  async ({ user, info: requestInfo, params, body }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    const deps = await keyDeps(user);
    const target = primaryTarget(deps, params.saId, params.keyId);
    return { schedule: await scheduleFinish(deps.db, target, { actor: user, info }, body) };
  },
);

export const DELETE = withRole(
  ["admin"],
  { params: keyParamsSchema },
  async ({ user, info: requestInfo, params }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    const deps = await keyDeps(user);
    const target = primaryTarget(deps, params.saId, params.keyId);
    return { schedule: await cancelFinish(deps.db, target, { actor: user, info }) };
  },
);
