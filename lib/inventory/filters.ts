// The inventory's filters read by the server with zod (the export's filters): the same answers,
// problems and messages as the browser's hand-written reader (url-filters.ts, which holds the
// shared constants, types and the URL form; filters.test.ts holds the two to each other). A
// shared or bookmarked URL may hold anything, so reading it never throws: bad values are dropped
// and reported.
import * as z from "@/lib/text/zod-mini";
import { PERMISSIONS } from "@/lib/permissions";
import { refuseSecret, safeText } from "@/lib/text/safe-text";
import { RISK_FLAGS } from "./types";
import {
  defaultDir,
  ID_MAX,
  POLICY_FILTERS,
  SEARCH_TEXT_MAX,
  shownValue as shown,
  SORT_KEYS,
  STATUSES,
  type FilterProblem,
  type InventoryFilters,
} from "./url-filters";

export {
  DEFAULT_INVENTORY_FILTERS,
  defaultDir,
  inventorySearchParams,
  SEARCH_TEXT_MAX,
  SORT_KEYS,
  STATUSES,
  type FilterProblem,
  type InventoryFilters,
  type PolicyFilter,
  type SortDir,
  type SortKey,
} from "./url-filters";

// One schema per parameter value, so a list keeps its good values when one is bad.
// Free text is checked like every other text (NUL, lone surrogates), and an export's filters go on
// the audit log, so a pasted secret is refused too.
const connectionValue = safeText({ error: "Expected a connection id." }).check(
  z.superRefine(refuseSecret("filter")),
  z.trim(),
  z.maxLength(ID_MAX, { error: `A connection id is at most ${ID_MAX} characters.` }),
);
const saValue = safeText({ error: "Expected a service account id." }).check(
  z.superRefine(refuseSecret("filter")),
  z.trim(),
  z.maxLength(ID_MAX, { error: `A service account id is at most ${ID_MAX} characters.` }),
);
const statusValue = z.enum(STATUSES, {
  error: (i) => `Unknown status ${shown(i.input)}; use enabled or disabled.`,
});
const riskValue = z.enum(RISK_FLAGS, { error: (i) => `Unknown risk flag ${shown(i.input)}.` });
const permValue = z.enum(PERMISSIONS, { error: (i) => `Unknown permission ${shown(i.input)}.` });
const policyValue = z.enum(POLICY_FILTERS, { error: (i) => `Unknown policy rule ${shown(i.input)}.` });
const qValue = safeText({ error: "Expected text." }).check(
  z.superRefine(refuseSecret("filter")),
  z.trim(),
  z.maxLength(SEARCH_TEXT_MAX, {
    error: `The search text is longer than ${SEARCH_TEXT_MAX} characters, so it was ignored.`,
  }),
);
const sortValue = z.enum(SORT_KEYS, {
  error: (i) => `Unknown sort column ${shown(i.input)}; sorting by creation date.`,
});
const dirValue = z.enum(["asc", "desc"], {
  error: (i) => `Unknown sort direction ${shown(i.input)}; use asc or desc.`,
});

/**
 * The filters in their normal form: lists without repeats (risk flags and permissions in their
 * canonical order, so equal filters give equal URLs), text trimmed, and the sort direction filled.
 */
const filtersObject = z.object({
  /** Connection ids: keys of any of them. Empty: every connection. */
  connection: z._default(z.array(connectionValue), []),
  /** Service account ids: keys of any of them. Empty: every account. */
  sa: z._default(z.array(saValue), []),
  status: z.optional(statusValue),
  /** A key must carry every listed flag. */
  risk: z._default(z.array(riskValue), []),
  /** A key must have every listed permission; see hasPermission for what counts. */
  perm: z._default(z.array(permValue), []),
  /** A key must break this rule (or, "any", a rule) among those that are on. */
  policy: z.optional(policyValue),
  /** Case-insensitive part of the name, hint, key id or service account name. Empty: no filter. */
  q: z._default(qValue, ""),
  sort: z._default(sortValue, "createdAt"),
  dir: z.optional(dirValue),
});

export const inventoryFiltersSchema = z.pipe(
  filtersObject,
  z.transform((f: z.output<typeof filtersObject>) => ({
    ...f,
    connection: [...new Set(f.connection.filter((id) => id !== ""))],
    sa: [...new Set(f.sa.filter((id) => id !== ""))],
    risk: RISK_FLAGS.filter((flag) => f.risk.includes(flag)),
    perm: PERMISSIONS.filter((p) => f.perm.includes(p)),
    dir: f.dir ?? defaultDir(f.sort),
  })),
);

/** The valid filters the URL holds, and a problem for each value that was dropped. */
export function parseInventoryFilters(params: URLSearchParams): {
  filters: InventoryFilters;
  problems: FilterProblem[];
} {
  const problems: FilterProblem[] = [];
  const check = <T>(param: string, schema: z.ZodMiniType<T>, value: string): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push({ param, message: result.error.issues[0]?.message ?? "Invalid value." });
    return undefined;
  };
  const list = <T>(param: string, schema: z.ZodMiniType<T>): T[] =>
    params
      .getAll(param)
      .filter((v) => v.trim() !== "")
      .flatMap((v) => {
        const value = check(param, schema, v);
        return value === undefined ? [] : [value];
      });
  const single = <T>(param: string, schema: z.ZodMiniType<T>): T | undefined => {
    const values = params.getAll(param).filter((v) => v.trim() !== "");
    if (values.length > 1)
      problems.push({ param, message: `Given ${values.length} times; only the first is used.` });
    return values[0] === undefined ? undefined : check(param, schema, values[0]);
  };
  const candidate = {
    connection: list("connection", connectionValue),
    sa: list("sa", saValue),
    status: single("status", statusValue),
    risk: list("risk", riskValue),
    perm: list("perm", permValue),
    policy: single("policy", policyValue),
    q: single("q", qValue),
    sort: single("sort", sortValue),
    dir: single("dir", dirValue),
  };
  // Every value above already passed its own schema, so this only normalises.
  return { filters: inventoryFiltersSchema.parse(candidate), problems };
}
