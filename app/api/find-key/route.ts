// Finding a key from a leaked secret, its last four characters, a name or an id, across every
// connection the person may use. POST, so a secret never appears in a URL, an access log or the
// browser's history; the answer never repeats the query and is never cached. Reviewers may search
// too; disabling is the keys route's job (the primary connection) or find-key/disable's (the others).
import { withRole } from "@/lib/api/with-role";
import { connectionDeps, keyDepsOfSearch } from "@/lib/api/deps";
import { findKeyBodySchema } from "@/lib/find-key/schema";
import { findKeyEverywhere } from "@/lib/find-key/everywhere";

export const POST = withRole(
  ["admin", "support", "reviewer"],
  { body: findKeyBodySchema },
  async ({ user: actor, info, body }) => {
    const [keys, connections] = await Promise.all([keyDepsOfSearch(), connectionDeps()]);
    const result = await findKeyEverywhere({ keys, connections }, { actor, info }, body.query);
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
);
