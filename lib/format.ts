// Fixed-locale formatting, so the server and the browser print the same thing.
const numberFormat = new Intl.NumberFormat("en-US");
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export const formatNumber = (n: number) => numberFormat.format(n);

export function formatDate(iso: string | null): string {
  return iso === null ? "Unknown" : dateFormat.format(new Date(iso));
}

export function formatPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : "over";
}

// Characters a name can hold that a page would not show (or would show as something else): C0 and
// C1 controls (NUL included), DEL, zero-width and direction controls, the byte-order mark, and a
// lone UTF-16 surrogate (not a character at all; a browser shows it as U+FFFD).
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text from the upstream as a page shows it: every invisible character spelled out as `\uXXXX`, so
 * `a\u0000b` and `ab`, or a lone surrogate and U+FFFD, never look alike.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A monthly character limit in words. A limit of 0 refuses every request, so it reads as what it
 * does ("Blocked (limit 0)"), never as "0 / 0 · limit reached". Exports keep the number.
 */
export function formatCharacterLimit(limit: number | null): string {
  if (limit === null) return "No limit";
  if (limit === 0) return "Blocked (limit 0)";
  return `${formatNumber(limit)} characters`;
}
