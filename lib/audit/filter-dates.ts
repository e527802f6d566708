// The audit filters' dates as people give them: a calendar date from a date picker ("2026-01-31"),
// "today" or "yesterday", a preset range ("7d": the last 7 days), or an exact ISO instant (old links
// keep working). Days are the reader's own: `tz` is their IANA time zone, which the filter form sends
// from the browser; without it, days are UTC. Pure; the schemas in filters.ts call it.

export const DATE_RANGES = ["today", "7d", "30d", "all"] as const;
export type DateRange = (typeof DATE_RANGES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The shape z.iso.datetime({ offset: true }) accepts; checked here so one message covers every form.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DAY_WORDS = ["today", "yesterday"] as const;

export function isCalendarDate(text: string): boolean {
  const m = CALENDAR_DATE.exec(text);
  if (!m) return false;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A date the filter takes: a calendar date, "today", "yesterday" or an ISO instant with its zone. */
export function isDateInput(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (
    (DAY_WORDS as readonly string[]).includes(t) ||
    isCalendarDate(t) ||
    (ISO_INSTANT.test(text.trim()) && Number.isFinite(Date.parse(text.trim())))
  );
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (formats.size > 100) formats.clear();
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at `instant`, as if it were UTC: the difference is the zone's offset. */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

/** The calendar date it is in `timeZone` at `now`, "YYYY-MM-DD". */
export function localDate(now: number, timeZone: string): string {
  return new Date(wallClock(now, timeZone)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant the day `date` begins in `timeZone` (twice corrected, for a day a clock change starts). */
export function startOfDay(date: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  let t = midnightUtc - (wallClock(midnightUtc, timeZone) - midnightUtc);
  t = midnightUtc - (wallClock(t, timeZone) - t);
  return t;
}

/** A "from"/"to" value as the calendar day it names, or null for an exact instant. */
function dayOf(text: string, now: number, timeZone: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === "today") return localDate(now, timeZone);
  if (t === "yesterday") return addDays(localDate(now, timeZone), -1);
  return isCalendarDate(t) ? t : null;
}

export interface DateFilterInput {
  from?: string;
  to?: string;
  range?: DateRange;
  tz?: string;
}

/**
 * Inclusive bounds as ISO instants: a day "from" starts at its first millisecond, a day "to" ends at
 * its last. A preset replaces both ("today": since midnight; "7d"/"30d": the last 7 or 30 × 24 hours;
 * "all": no bounds).
 */
export function resolveDates(
  input: DateFilterInput,
  now: number = Date.now(),
): { from?: string; to?: string } {
  const timeZone = input.tz ?? "UTC";
  const iso = (ms: number) => new Date(ms).toISOString();
  switch (input.range) {
    case "today":
      return { from: iso(startOfDay(localDate(now, timeZone), timeZone)) };
    case "7d":
      return { from: iso(now - 7 * DAY_MS) };
    case "30d":
      return { from: iso(now - 30 * DAY_MS) };
    case "all":
      return {};
  }
  const out: { from?: string; to?: string } = {};
  if (input.from) {
    const day = dayOf(input.from, now, timeZone);
    out.from = day ? iso(startOfDay(day, timeZone)) : input.from;
  }
  if (input.to) {
    const day = dayOf(input.to, now, timeZone);
    out.to = day ? iso(startOfDay(addDays(day, 1), timeZone) - 1) : input.to;
  }
  return out;
}

/** What a date picker can show for a filter value: its calendar date, or "" when it has none. */
export function dateInputValue(text: string | undefined): string {
  if (!text) return "";
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  if (ISO_INSTANT.test(t)) return t.slice(0, 10);
  return "";
}
