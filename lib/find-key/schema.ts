// The search request, for the route handler and the search form alike. Only `query`: an unknown
// field is refused by name rather than ignored, so a client bug is seen at once. zod/mini
// (lib/text/zod-mini.ts): the form carries this schema to the browser.
import * as z from "@/lib/text/zod-mini";
import { safeText } from "@/lib/text/safe-text";

export const QUERY_MAX = 500;

export const findKeyBodySchema = z.strictObject(
  {
    // A secret is exactly what may be pasted here, so only the text rule applies (no secret check).
    query: safeText({
      error: (issue) =>
        issue.input === undefined
          ? "Enter a secret, its last four characters, a name or a key id"
          : "Send the query as text",
    }).check(
      z.trim(),
      z.minLength(1, "Enter a secret, its last four characters, a name or a key id"),
      z.maxLength(QUERY_MAX, `Use at most ${QUERY_MAX} characters`),
    ),
  },
  // Never quote the value: a pasted secret may sit in a field next to the one named.
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}: send only "query"`
        : undefined,
  },
);

export type FindKeyBody = z.infer<typeof findKeyBodySchema>;
