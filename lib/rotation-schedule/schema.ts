// What the schedule form sends: "disable the old key in N hours", "delete it in M days", either or
// both (presets 24 h and 7 d), whole numbers in a sane range; the delete not before the disable.
import * as z from "@/lib/text/zod-mini";
import type { FinishScheduleBody } from "./types";

export const MAX_DISABLE_HOURS = 24 * 90;
export const MAX_DELETE_DAYS = 365;

const whole = (max: number, unit: string) =>
  z.optional(
    z.nullable(
      z
        .number({ error: `Enter a whole number of ${unit}.` })
        .check(
          z.int({ error: `Enter a whole number of ${unit}.` }),
          z.gte(1, { error: `Enter 1 to ${max} ${unit}.` }),
          z.lte(max, { error: `Enter 1 to ${max} ${unit}.` }),
        ),
    ),
  );

export const finishScheduleSchema = z
  .strictObject({
    disableInHours: whole(MAX_DISABLE_HOURS, "hours"),
    deleteInDays: whole(MAX_DELETE_DAYS, "days"),
  })
  .check(
    z.superRefine((body, ctx) => {
      const disable = body.disableInHours ?? null;
      const del = body.deleteInDays ?? null;
      if (disable === null && del === null)
        ctx.addIssue({
          code: "custom",
          path: ["disableInHours"],
          message: "Choose when to disable the old key, when to delete it, or both.",
        });
      else if (disable !== null && del !== null && del * 24 < disable)
        ctx.addIssue({
          code: "custom",
          path: ["deleteInDays"],
          message: "Delete it no earlier than it is disabled.",
        });
    }),
  );

const agree: Same<z.infer<typeof finishScheduleSchema>, FinishScheduleBody> = true;
void agree;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
