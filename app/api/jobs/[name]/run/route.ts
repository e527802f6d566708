// Runs a job now, outside its schedule, on behalf of the admin who asked (an audit row says so). Admins only.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { runJobNow } from "@/lib/jobs/overview";
import { jobNameParamsSchema } from "@/lib/jobs/schema";

export const POST = withRole(["admin"], { params: jobNameParamsSchema }, async ({ user, info, params }) => ({
  ...(await runJobNow(await database(), params.name, { actor: user, info })),
}));
