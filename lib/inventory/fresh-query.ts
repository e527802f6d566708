// `?fresh=1`: the pages' Refresh asks for a read that begins after it asked, not a shared one.
import { z } from "zod";

export const freshQuerySchema = z.object({
  fresh: z.literal("1", { error: 'must be "1" (a read that begins now) or left out' }).optional(),
});
