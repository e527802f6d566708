// One CSV cell, for every export Keydesk writes (the audit log's and the inventory's). Browser-safe:
// the inventory builds its download in the page too.
//
// Formula injection: a spreadsheet runs a text cell as a formula when it starts with = + - or @,
// and it skips leading blanks before deciding (spaces, tabs, line breaks, no-break and ideographic
// spaces, zero-width characters; Excel and LibreOffice both do). Some also read the full-width and
// small-form signs a Japanese or Chinese keyboard types (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) as the ASCII ones. Such a
// cell gets a leading apostrophe (OWASP's advice): shown as text, the value itself unchanged after
// it. A cell that starts with a tab or carriage return is treated the same way even without a sign.

/** Blanks a spreadsheet may skip before a formula sign. */
const BLANKS = "\\s\\u180e\\u200b-\\u200d\\u2060\\ufeff";
/** = + - @ in ASCII, full-width and small forms. */
const SIGNS = "=+\\-@\\uff1d\\uff0b\\uff0d\\uff20\\ufe66\\ufe62\\ufe63\\ufe6b";
const FORMULA_LIKE = new RegExp(`^(?:[\\t\\r]|[${BLANKS}]*[${SIGNS}])`);

/** True when a spreadsheet could read `text` as a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_LIKE.test(text);
}

/**
 * One CSV cell: null and undefined are empty, numbers as written, text neutralised when formula-
 * like, then quoted if it holds a comma, quote or line break, with quotes doubled (RFC 4180).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && isFormulaLike(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
