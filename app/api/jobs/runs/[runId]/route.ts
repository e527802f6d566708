// One job run, with the audit rows it wrote. Admins only.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { jobRun } from "@/lib/jobs/overview";
import { jobRunParamsSchema } from "@/lib/jobs/schema";

export const GET = withRole(["admin"], { params: jobRunParamsSchema }, async ({ params }) =>
  jobRun(await database(), params.runId),
);
