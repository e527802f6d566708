// One spelling of an audit row's time. The row's hash covers `at` as an ISO string, but drivers hand
// timestamptz back in PostgreSQL's own text form ("2025-01-02 03:04:05.678+00", or in the session's
// time zone), so every row read back is normalised before it is hashed or shown.

const PG_TIMESTAMP =
  /^(\d{4,}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2}){0,2})?$/;

/** The current time as Keydesk stores it: millisecond ISO, UTC. */
export function auditNow(): string {
  return new Date().toISOString();
}

/** An ISO string (UTC, milliseconds) for a timestamptz as either driver returns it. */
export function toIsoAt(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const match = PG_TIMESTAMP.exec(value.trim());
  if (!match) {
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) throw new Error(`Unreadable audit timestamp: ${value}`);
    return parsed.toISOString();
  }
  const [, date, time, fraction = "", zone = "Z"] = match;
  const ms = fraction.padEnd(3, "0").slice(0, 3);
  let offset = zone;
  if (zone !== "Z") {
    const digits = zone.slice(1).replace(/:/g, "");
    const hh = digits.slice(0, 2);
    const mm = digits.slice(2, 4) || "00";
    const ss = digits.slice(4, 6) || "00";
    // Offsets with seconds only occur for pre-1900 local mean time; JS cannot parse them.
    if (ss !== "00") throw new Error(`Unsupported time zone offset in audit timestamp: ${value}`);
    offset = `${zone[0]}${hh}:${mm}`;
  }
  const parsed = new Date(`${date}T${time}.${ms}${offset}`);
  if (Number.isNaN(parsed.getTime())) throw new Error(`Unreadable audit timestamp: ${value}`);
  return parsed.toISOString();
}
