// Bulk changes: enable, disable or delete many keys at once, done by a job on the server (lib/bulk).
// POST starts one (the roles and recent sign-in of the per-key writes: admins and support switch
// keys on and off, admins delete); GET lists the recent ones with their progress, for anyone whose
// role may make one, and asks again for any whose run seems gone (lib/bulk/resume.ts).
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { bulkChangeSchema } from "@/lib/bulk/schema";
import { resumeStale } from "@/lib/bulk/resume";
import { startBulkChange } from "@/lib/bulk/start";
import { listBulkChanges } from "@/lib/bulk/view";
import { runningJobs } from "@/lib/jobs";

export const GET = withRole(["admin", "support"], {}, async ({ user }) => {
  const db = await database();
  await resumeStale(db, await (runningJobs() ?? null));
  return { changes: await listBulkChanges(db, user) };
});

export const POST = withRole(
  ["admin", "support"],
  { body: bulkChangeSchema },
  async ({ user, info: requestInfo, body }) => {
    // Every change of a bulk run needs a recent sign-in, as each bulk PATCH and every delete did.
    const info = await requireRecentSignIn({ user, info: requestInfo });
    const db = await database();
    const started = await startBulkChange(db, await (runningJobs() ?? null), { actor: user, info }, body);
    return Response.json(started, { status: 202 });
  },
);
