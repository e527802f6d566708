// The words of a scheduled rotation finish, pure so they are tested without a browser: a countdown
// while a step is near ("in 23 h 12 min"), its date when further off, and how a step ended.
import type { FinishSchedule, FinishStep } from "@/lib/rotation-schedule/types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "Mar 9, 2026, 9:00 AM UTC": one spelling on the server and in the browser. */
export const whenText = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;

/** "23 h 12 min", "2 d 4 h", "5 min", "less than a minute"; from now until `iso`. */
export function countdown(iso: string, now: number): string {
  const left = new Date(iso).getTime() - now;
  if (left < MINUTE) return "less than a minute";
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  if (days >= 2) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  const h = days * 24 + hours;
  if (h === 0) return `${minutes} min`;
  return minutes > 0 ? `${h} h ${minutes} min` : `${h} h`;
}

/**
 * One step in words, for the key being viewed ("this key" for the old key, "the old key" from its
 * replacement): "Old key disabled in 23 h 12 min (Mar 3, 2026, 9:00 AM UTC)", "This key deleted on
 * … (in 7 d)", "This key disabled as scheduled (…): already disabled outside this schedule".
 */
export function stepText(
  step: FinishStep,
  verb: "disabled" | "deleted",
  /** "This key" or "Old key". */
  subject: string,
  /** null on the server: the date alone, the countdown comes once the browser runs. */
  now: number | null,
): string {
  const at = whenText(step.at);
  switch (step.state) {
    case "pending": {
      if (now === null) return `${subject} ${verb} on ${at}.`;
      const due = new Date(step.at).getTime() <= now;
      if (due)
        return `${subject} ${verb} now: due ${at}, waiting for the next run of the rotation-deadlines job.`;
      const soon = new Date(step.at).getTime() - now < 2 * DAY;
      return soon
        ? `${subject} ${verb} in ${countdown(step.at, now)} (${at}).`
        : `${subject} ${verb} on ${at} (in ${countdown(step.at, now)}).`;
    }
    case "done":
      return `${subject} ${verb} as scheduled (${at})${step.note ? `: ${step.note}` : ""}.`;
    case "skipped":
      return `${subject} not ${verb} (was scheduled for ${at})${step.note ? `: ${step.note}` : ""}.`;
    case "failed":
      return `${subject} could not be ${verb} as scheduled (${at})${step.note ? `: ${step.note}` : ""}. Finish it by hand.`;
  }
}

/** The schedule's steps in words, disable first. */
export function scheduleLines(
  schedule: FinishSchedule,
  viewing: "old" | "new",
  now: number | null,
): string[] {
  const subject = viewing === "old" ? "This key" : "Old key";
  const lines: string[] = [];
  if (schedule.disable) lines.push(stepText(schedule.disable, "disabled", subject, now));
  if (schedule.delete) lines.push(stepText(schedule.delete, "deleted", subject, now));
  return lines;
}

/** A step still to come, with tries that failed: said, so nobody waits for a step that keeps failing. */
export function retryingText(schedule: FinishSchedule): string | null {
  if (schedule.tries === 0 || schedule.closedAt !== null) return null;
  return `The last ${schedule.tries === 1 ? "try" : `${schedule.tries} tries`} failed${
    schedule.lastError ? `: ${schedule.lastError}` : ""
  }. Keydesk tries again every minute.`;
}
