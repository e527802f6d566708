// The jobs: each one's schedule and the latest runs (queued, running, finished). Admins only.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { jobsOverview } from "@/lib/jobs/overview";

export const GET = withRole(["admin"], {}, async () => jobsOverview(await database()));
