// The reason a person gives for a status change, a leak response or a delete: it goes on the
// audit log, so it is held to the same rules as everywhere else (no secrets, no invisible text).
import * as z from "@/lib/text/zod-mini";
import { reasonSchema } from "@/lib/keys/schema";

export const requiredReason = z.object({ reason: reasonSchema });

/** Where a reason may be left out: empty is fine, anything given must pass the same rules. */
export const optionalReason = z.object({
  reason: z.union([z.literal(""), reasonSchema]),
});

export type ReasonValues = { reason: string };
