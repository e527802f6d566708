// Why is this key failing? Every signed-in role that may see the key; reads only (the fixes go
// through the key's own PATCH endpoint). The pasted error is read here and goes nowhere else.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps, keyDeps } from "@/lib/api/deps";
import { isPrimaryConnectionId } from "@/lib/connection-ids";
import { diagnoseConnectionKey, diagnosePrimaryKey } from "@/lib/doctor";
import { diagnoseSchema } from "@/lib/doctor/schema";

export const POST = withRole(
  ["admin", "support", "reviewer"],
  { body: diagnoseSchema },
  async ({ user, body }) => {
    const diagnosis = isPrimaryConnectionId(body.connectionId)
      ? await diagnosePrimaryKey(await keyDeps(user), await connectionDeps(), user, body)
      : await diagnoseConnectionKey(await connectionDeps(), user, body);
    return { diagnosis };
  },
);
