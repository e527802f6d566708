// The audit log's filters, as the page's search form and the route handler both read them. Values
// arrive as URL search parameters, so empty strings mean "no filter" and numbers come as text.
import { z } from "zod";
import * as mini from "@/lib/text/zod-mini";
import { refuseSecret, safeText } from "@/lib/text/safe-text";
import { DATE_RANGES, isDateInput, isTimeZone, resolveDates } from "./filter-dates";

// An export's filters are written to the audit log, so a pasted secret is refused here by name.
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    // safeText is a zod/mini schema (lib/text/zod-mini.ts); classic zod takes it as it is.
    mini.optional(
      safeText().check(mini.superRefine(refuseSecret("filter")), mini.trim(), mini.maxLength(max)),
    ),
  );

const emptyIsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// A date from the picker, "today", "yesterday" or an exact ISO instant (links made before the picker).
const optionalDate = (field: "From" | "To") =>
  z.preprocess(
    emptyIsAbsent,
    z
      .string()
      .superRefine((value, ctx) => {
        if (isDateInput(value)) return;
        const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
        ctx.addIssue({
          code: "custom",
          message: `${field}: "${shown}" is not a date. Pick a day (e.g. 2026-01-31), or give an ISO date and time (e.g. 2026-01-31T09:00:00Z).`,
        });
      })
      .optional(),
  );

export const AUDIT_PAGE_MAX = 500;

export const auditFiltersSchema = z
  .object({
    /** A user id, or part of an email (case-insensitive). */
    actor: optionalText(320),
    /** An action name, exactly (e.g. "key.update"). */
    action: optionalText(100),
    /** A key id, service account id or user id, exactly; or part of a key name or user email. */
    target: optionalText(320),
    /** A connection id, exactly (lib/connections; also a removed one's, which old rows still carry). */
    connection: optionalText(100),
    /** Inclusive bounds on the row's time: a day (the whole day), "today", "yesterday" or an instant. */
    from: optionalDate("From"),
    to: optionalDate("To"),
    /** A preset that replaces from and to: today, the last 7 or 30 days, or all time. */
    range: z.preprocess(
      emptyIsAbsent,
      z.enum(DATE_RANGES, { message: "choose today, 7d, 30d or all." }).optional(),
    ),
    /** The reader's time zone (IANA), which says where their days begin; UTC without it. */
    tz: z.preprocess(
      emptyIsAbsent,
      z.string().max(64).refine(isTimeZone, { message: "not a time zone this server knows." }).optional(),
    ),
  })
  // Dates become the instants they bound, so the page, the export and its audit row agree.
  .transform(({ range, tz, from, to, ...rest }) => {
    const bounds = resolveDates({ range, tz, from, to });
    return {
      ...rest,
      ...(bounds.from ? { from: bounds.from } : {}),
      ...(bounds.to ? { to: bounds.to } : {}),
    };
  })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to), {
    message: "To: the end must not be before the start.",
    path: ["to"],
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** One page of the log: the filters, plus where to continue and how many. */
export const auditPageSchema = z.intersection(
  auditFiltersSchema,
  z.object({
    /** Keyset cursor: only rows with an id below this (the previous page's nextCursor). */
    before: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
    limit: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
    ),
  }),
);

export type AuditPageQuery = z.infer<typeof auditPageSchema>;

/** An export of every row the filters match. */
export const auditExportSchema = z.intersection(
  auditFiltersSchema,
  z.object({ format: z.enum(["csv", "json"]) }),
);

export type AuditExportQuery = z.infer<typeof auditExportSchema>;
