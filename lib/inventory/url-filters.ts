// The inventory's filters and sort as the page's URL carries them, e.g.
// `?status=disabled&risk=unrestricted&risk=no_allowlist&q=prod&sort=usage`, read without a schema
// library: the "All keys" page reads its URL in the browser, where zod (even zod/mini) would be the
// biggest part of the page's code. The server reads the same URLs with its zod schema
// (filters.ts: the export's filters); filters.test.ts holds both to the same answers, problems and
// messages included, on the same inputs. A shared or bookmarked URL may hold anything, so reading
// it never throws: bad values are dropped and reported.
import { PERMISSIONS, type Permission } from "@/lib/permissions";
import { looksLikeSecret } from "@/lib/text/secret-pattern";
import { SECRET_ADVICE, textProblem } from "@/lib/text/text-problem";
import { POLICY_KINDS, type PolicyKind } from "@/lib/policies/rules";
import { RISK_FLAGS, type RiskFlag } from "./types";

export const SORT_KEYS = [
  "connection",
  "serviceAccount",
  "name",
  "hint",
  "status",
  "permissions",
  "usage",
  "allowlist",
  "createdAt",
  "risk",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
export const STATUSES = ["enabled", "disabled"] as const;
export type KeyStatus = (typeof STATUSES)[number];

/** Keys that break a rule that is on: any rule, or one kind of rule. */
export const POLICY_FILTERS = ["any", ...POLICY_KINDS] as const;
export type PolicyFilter = "any" | PolicyKind;

export const SEARCH_TEXT_MAX = 200;
export const ID_MAX = 200;

/**
 * The filters in their normal form: lists without repeats (risk flags and permissions in their
 * canonical order, so equal filters give equal URLs), text trimmed, and the sort direction filled.
 */
export interface InventoryFilters {
  /** Connection ids: keys of any of them. Empty: every connection. */
  connection: string[];
  /** Service account ids: keys of any of them. Empty: every account. */
  sa: string[];
  status?: KeyStatus;
  /** A key must carry every listed flag. */
  risk: RiskFlag[];
  /** A key must have every listed permission; see hasPermission for what counts. */
  perm: Permission[];
  /** A key must break this rule (or, "any", a rule) among those that are on. */
  policy?: PolicyFilter;
  /** Case-insensitive part of the name, hint, key id or service account name. Empty: no filter. */
  q: string;
  sort: SortKey;
  dir: SortDir;
}

export const DEFAULT_INVENTORY_FILTERS: InventoryFilters = {
  connection: [],
  sa: [],
  risk: [],
  perm: [],
  q: "",
  sort: "createdAt",
  dir: "desc",
};

/**
 * The direction a column sorts in when none is given: biggest first for the measures a reviewer
 * hunts for (newest, most used, broadest, riskiest), A to Z for the text columns.
 */
export function defaultDir(sort: SortKey): SortDir {
  return sort === "createdAt" || sort === "usage" || sort === "permissions" || sort === "risk"
    ? "desc"
    : "asc";
}

/** What was wrong with one parameter, for the page to show next to the table. */
export interface FilterProblem {
  param: string;
  message: string;
}

/** Echoes a bad value back without letting a huge one flood the page. */
export const shownValue = (value: unknown) => {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
};

/** A value's reading: the value, or why it is refused (the first reason, as the server gives it). */
type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

/** Free text (an id, the search): no NUL or lone surrogate, no pasted secret, trimmed, not too long. */
function text(max: number, tooLong: string) {
  return (raw: string): Reading<string> => {
    const problem =
      textProblem(raw) ??
      (looksLikeSecret(raw) ? `Looks like an API key secret; ${SECRET_ADVICE.filter}` : null) ??
      (raw.trim().length > max ? tooLong : null);
    return problem ? { ok: false, message: problem } : { ok: true, value: raw.trim() };
  };
}

/** One of a fixed set of words, exactly as written. */
function oneOf<T extends string>(words: readonly T[], message: (raw: string) => string) {
  return (raw: string): Reading<T> =>
    (words as readonly string[]).includes(raw)
      ? { ok: true, value: raw as T }
      : { ok: false, message: message(raw) };
}

/** The readers of each parameter's values, with the messages the server's schema gives. */
export const READERS = {
  connection: text(ID_MAX, `A connection id is at most ${ID_MAX} characters.`),
  sa: text(ID_MAX, `A service account id is at most ${ID_MAX} characters.`),
  status: oneOf(STATUSES, (v) => `Unknown status ${shownValue(v)}; use enabled or disabled.`),
  risk: oneOf(RISK_FLAGS, (v) => `Unknown risk flag ${shownValue(v)}.`),
  perm: oneOf(PERMISSIONS, (v) => `Unknown permission ${shownValue(v)}.`),
  policy: oneOf(POLICY_FILTERS, (v) => `Unknown policy rule ${shownValue(v)}.`),
  q: text(
    SEARCH_TEXT_MAX,
    `The search text is longer than ${SEARCH_TEXT_MAX} characters, so it was ignored.`,
  ),
  sort: oneOf(SORT_KEYS, (v) => `Unknown sort column ${shownValue(v)}; sorting by creation date.`),
  dir: oneOf(["asc", "desc"] as const, (v) => `Unknown sort direction ${shownValue(v)}; use asc or desc.`),
};

/** The valid filters the URL holds, and a problem for each value that was dropped. */
export function readInventoryFilters(params: URLSearchParams): {
  filters: InventoryFilters;
  problems: FilterProblem[];
} {
  const problems: FilterProblem[] = [];
  const check = <T>(param: string, read: (raw: string) => Reading<T>, raw: string): T | undefined => {
    const reading = read(raw);
    if (reading.ok) return reading.value;
    problems.push({ param, message: reading.message });
    return undefined;
  };
  // Blank values are left out, as if not given.
  const given = (param: string) => params.getAll(param).filter((v) => v.trim() !== "");
  const list = <T>(param: keyof typeof READERS, read: (raw: string) => Reading<T>): T[] =>
    given(param).flatMap((v) => {
      const value = check(param, read, v);
      return value === undefined ? [] : [value];
    });
  const single = <T>(param: keyof typeof READERS, read: (raw: string) => Reading<T>): T | undefined => {
    const values = given(param);
    if (values.length > 1)
      problems.push({ param, message: `Given ${values.length} times; only the first is used.` });
    return values[0] === undefined ? undefined : check(param, read, values[0]);
  };
  // In the order the server's schema reads them, so the problems come in the same order.
  const connection = list("connection", READERS.connection);
  const sa = list("sa", READERS.sa);
  const status = single("status", READERS.status);
  const risk = list("risk", READERS.risk);
  const perm = list("perm", READERS.perm);
  const policy = single("policy", READERS.policy);
  const q = single("q", READERS.q) ?? "";
  const sort = single("sort", READERS.sort) ?? DEFAULT_INVENTORY_FILTERS.sort;
  const dir = single("dir", READERS.dir) ?? defaultDir(sort);
  const filters: InventoryFilters = {
    connection: [...new Set(connection.filter((id) => id !== ""))],
    sa: [...new Set(sa.filter((id) => id !== ""))],
    ...(status === undefined ? {} : { status }),
    risk: RISK_FLAGS.filter((flag) => risk.includes(flag)),
    perm: PERMISSIONS.filter((p) => perm.includes(p)),
    ...(policy === undefined ? {} : { policy }),
    q,
    sort,
    dir,
  };
  return { filters, problems };
}

/** The URL form of the filters: defaults left out so links stay short; lists as repeated params. */
export function inventorySearchParams(filters: InventoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const id of filters.connection) params.append("connection", id);
  for (const id of filters.sa) params.append("sa", id);
  if (filters.status) params.set("status", filters.status);
  for (const flag of filters.risk) params.append("risk", flag);
  for (const p of filters.perm) params.append("perm", p);
  if (filters.policy) params.set("policy", filters.policy);
  if (filters.q !== "") params.set("q", filters.q);
  if (filters.sort !== DEFAULT_INVENTORY_FILTERS.sort) params.set("sort", filters.sort);
  if (filters.dir !== defaultDir(filters.sort)) params.set("dir", filters.dir);
  return params;
}
