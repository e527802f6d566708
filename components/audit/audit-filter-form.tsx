// The audit filters as a plain GET form: the filters live in the URL, so a view can be shared. Days
// are picked, not typed as timestamps; the presets replace the days (today, the last 7 or 30 days,
// all time). The browser adds its time zone so days begin at the reader's midnight.
import { KNOWN_ACTIONS } from "@/lib/audit/actions";
import { dateInputValue, type DateRange } from "@/lib/audit/filter-dates";
import { TimeZoneField } from "./time-zone-field";

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  target?: string;
  connection?: string;
  from?: string;
  to?: string;
  range?: string;
  tz?: string;
}

const TEXT_FIELDS = [
  { name: "actor", label: "Actor", placeholder: "email or user id" },
  { name: "action", label: "Action", placeholder: "e.g. sign_in" },
  { name: "target", label: "Target", placeholder: "key, service account or user" },
] as const;

const DATE_FIELDS = [
  { name: "from", label: "From" },
  { name: "to", label: "To" },
] as const;

const PRESETS: { range: DateRange; label: string }[] = [
  { range: "today", label: "Today" },
  { range: "7d", label: "Last 7 days" },
  { range: "30d", label: "Last 30 days" },
  { range: "all", label: "All time" },
];

/** A connection the filter offers: every connection now, and one named in the URL that was removed. */
export interface AuditConnectionOption {
  id: string;
  name: string;
}

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600";

function FieldError({ name, message }: { name: string; message: string | undefined }) {
  return message ? (
    <p id={`filter-${name}-error`} className="mt-1 text-xs text-red-700">
      {message}
    </p>
  ) : null;
}

const invalid = (errors: Record<string, string>, name: string) =>
  errors[name] ? { "aria-invalid": true as const, "aria-describedby": `filter-${name}-error` } : {};

export function AuditFilterForm({
  values,
  errors,
  connections,
}: {
  values: AuditFilterValues;
  errors: Record<string, string>;
  connections: readonly AuditConnectionOption[];
}) {
  const chosen = values.connection ?? "";
  // A removed connection's id, from a shared link: offered as itself, so the form shows the filter.
  const options =
    chosen && !connections.some((c) => c.id === chosen)
      ? [...connections, { id: chosen, name: chosen }]
      : connections;
  // A preset replaces the days, so the pickers stay empty while one is on.
  const preset = PRESETS.some((p) => p.range === values.range) ? values.range : undefined;
  const current = preset ?? (values.from || values.to ? undefined : "all");
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-4"
    >
      <TimeZoneField initial={values.tz} />
      {TEXT_FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`filter-${field.name}`} className="block text-xs font-medium text-slate-700">
            {field.label}
          </label>
          <input
            id={`filter-${field.name}`}
            name={field.name}
            defaultValue={values[field.name] ?? ""}
            placeholder={field.placeholder}
            list={field.name === "action" ? "audit-actions" : undefined}
            {...invalid(errors, field.name)}
            className={INPUT}
          />
          <FieldError name={field.name} message={errors[field.name]} />
        </div>
      ))}
      <div>
        <label htmlFor="filter-connection" className="block text-xs font-medium text-slate-700">
          Connection
        </label>
        <select
          id="filter-connection"
          name="connection"
          defaultValue={chosen}
          {...invalid(errors, "connection")}
          className={INPUT}
        >
          <option value="">Every connection</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError name="connection" message={errors.connection} />
      </div>
      {DATE_FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`filter-${field.name}`} className="block text-xs font-medium text-slate-700">
            {field.label}
          </label>
          <input
            id={`filter-${field.name}`}
            name={field.name}
            type="date"
            defaultValue={preset ? "" : dateInputValue(values[field.name])}
            {...invalid(errors, field.name)}
            className={INPUT}
          />
          <FieldError name={field.name} message={errors[field.name]} />
        </div>
      ))}
      <datalist id="audit-actions">
        {KNOWN_ACTIONS.map(({ action, label }) => (
          <option key={action} value={action} label={label} />
        ))}
      </datalist>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-700"
        >
          Apply
        </button>
        <a
          href="/audit"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Clear
        </a>
      </div>
      {/* After Apply: pressing Enter in a field submits with the first button, which must be Apply. */}
      <fieldset className="sm:col-span-3 lg:col-span-4">
        <legend className="block text-xs font-medium text-slate-700">Time</legend>
        <div className="mt-1 flex flex-wrap gap-1.5">
          {PRESETS.map((p) => (
            <button
              key={p.range}
              type="submit"
              name="range"
              value={p.range}
              aria-pressed={current === p.range}
              className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
            >
              {p.label}
            </button>
          ))}
        </div>
        <FieldError name="range" message={errors.range ?? errors.tz} />
      </fieldset>
    </form>
  );
}
