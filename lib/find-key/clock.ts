// The time of an action as a person reads it off the screen right after: HH:MM:SS, 24-hour, in
// their own time zone (a test passes one to be deterministic).
export function formatClock(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(date);
}
