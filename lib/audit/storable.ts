// Text as PostgreSQL can hold it, without losing a character. The upstream may hand Keydesk any
// JavaScript string: a key named in ElevenLabs' own settings can hold U+0000 or a lone UTF-16
// surrogate, which PostgreSQL refuses in text (22021) and in jsonb (22P05, 22P02). Such a string is
// stored JSON-escaped behind a marker: `~esc:` + the body of JSON.stringify (NUL as \u0000, a lone
// surrogate as \ud800, a backslash as \\). Every other string is stored as it is, unless it starts
// with the marker itself, which is then escaped too, so reading back is exact for every string.
//
// Used at the storage boundary only (the audit log's rows, the inventory snapshot): what is hashed
// in the audit chain is the stored form, and readers turn it back with `fromStored`.

export const ESCAPED_MARK = "~esc:";

// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether PostgreSQL would refuse (or alter) this string in text or jsonb. */
export function isUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

export function toStored(text: string): string {
  if (!isUnstorable(text) && !text.startsWith(ESCAPED_MARK)) return text;
  return ESCAPED_MARK + JSON.stringify(text).slice(1, -1);
}

export function fromStored(text: string): string {
  if (!text.startsWith(ESCAPED_MARK)) return text;
  try {
    return JSON.parse(`"${text.slice(ESCAPED_MARK.length)}"`) as string;
  } catch {
    return text; // not written by toStored (hand-edited): shown as it is
  }
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [map(k), mapStrings(v, map)]),
    );
  }
  return value;
}

/** A JSON value with every string (keys too) in its stored form. */
export const toStoredJson = <T>(value: T): T => mapStrings(value, toStored) as T;

export const fromStoredJson = <T>(value: T): T => mapStrings(value, fromStored) as T;

/** The same for nullable text columns. */
export const toStoredText = (text: string | null): string | null => (text === null ? null : toStored(text));
export const fromStoredText = (text: string | null): string | null =>
  text === null ? null : fromStored(text);
