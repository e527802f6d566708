// Finding a key from a leaked secret, its last four characters, a name or an id. POST, so a secret
// never appears in a URL, an access log or the browser's history; the answer never repeats the
// query and is never cached. Reviewers may search too; disabling is the keys route's job.
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { findKeyBodySchema } from "@/lib/find-key/schema";
import { findKey } from "@/lib/find-key/search";

export const POST = withRole(
  ["admin", "support", "reviewer"],
  { body: findKeyBodySchema },
  async ({ user: actor, info, body }) => {
    const result = await findKey(await keyDeps(actor), { actor, info }, body.query);
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);
