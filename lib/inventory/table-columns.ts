// The All keys table's optional columns: which there are, how wide each is, which show by default
// (the ones that fit a 1440-pixel screen beside the name and the selection box), and reading the
// person's choice back from storage. The name is not here: it always shows. Pure, so it is tested
// without a browser.
export const TABLE_COLUMNS = [
  { id: "connection", label: "Connection", rem: 8, byDefault: true },
  { id: "owner", label: "Service account / owner", rem: 8, byDefault: true },
  { id: "hint", label: "Hint", rem: 5, byDefault: false },
  { id: "status", label: "Status", rem: 6, byDefault: true },
  { id: "permissions", label: "Permissions", rem: 8, byDefault: true },
  // The usage meter needs 10rem of its own, plus the cell's padding.
  { id: "usage", label: "Usage", rem: 11.5, byDefault: true },
  { id: "restrictions", label: "Restrictions", rem: 10, byDefault: false },
  { id: "created", label: "Created", rem: 7, byDefault: false },
  { id: "lifetime", label: "Expiry / last used", rem: 10, byDefault: false },
  { id: "risk", label: "Risk flags", rem: 11, byDefault: true },
] as const;

export type ColumnId = (typeof TABLE_COLUMNS)[number]["id"];

export const NAME_COLUMN_REM = 11.5;
export const SELECT_COLUMN_REM = 2.5;

export const DEFAULT_COLUMNS: readonly ColumnId[] = TABLE_COLUMNS.filter((c) => c.byDefault).map((c) => c.id);

const KNOWN = new Set<string>(TABLE_COLUMNS.map((c) => c.id));

/**
 * The columns a stored value names, in the table's order; the defaults when nothing is stored or
 * the value is not a list of known column ids (an older or hand-edited value never breaks the page).
 */
export function parseColumns(stored: string | null): readonly ColumnId[] {
  if (stored === null) return DEFAULT_COLUMNS;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_COLUMNS;
  }
  if (!Array.isArray(value) || !value.every((id) => typeof id === "string" && KNOWN.has(id)))
    return DEFAULT_COLUMNS;
  const chosen = new Set<string>(value);
  return TABLE_COLUMNS.filter((c) => chosen.has(c.id)).map((c) => c.id);
}

/** The table's least width for these columns, in rem: it grows to its container but never squeezes a column. */
export function tableRem(columns: readonly ColumnId[], selectable: boolean): number {
  const chosen = new Set(columns);
  const optional = TABLE_COLUMNS.filter((c) => chosen.has(c.id)).reduce((sum, c) => sum + c.rem, 0);
  return NAME_COLUMN_REM + optional + (selectable ? SELECT_COLUMN_REM : 0);
}
