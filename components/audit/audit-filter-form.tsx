// The audit filters as a plain GET form: the filters live in the URL, so a view can be shared.
import { KNOWN_ACTIONS } from "@/lib/audit/actions";
export interface AuditFilterValues {
  actor?: string;
  action?: string;
  target?: string;
  connection?: string;
  from?: string;
  to?: string;
}

const FIELDS = [
  { name: "actor", label: "Actor", placeholder: "email or user id" },
  { name: "action", label: "Action", placeholder: "e.g. sign_in" },
  { name: "target", label: "Target", placeholder: "key, service account or user" },
  { name: "from", label: "From", placeholder: "2026-01-31T00:00:00Z" },
  { name: "to", label: "To", placeholder: "2026-02-01T00:00:00Z" },
] as const;

/** A connection the filter offers: every connection now, and one named in the URL that was removed. */
export interface AuditConnectionOption {
  id: string;
  name: string;
}

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
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-4"
    >
      {FIELDS.map((field) => (
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
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={errors[field.name] ? `filter-${field.name}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-invalid:border-red-600"
          />
          {errors[field.name] ? (
            <p id={`filter-${field.name}-error`} className="mt-1 text-xs text-red-700">
              {errors[field.name]}
            </p>
          ) : null}
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
          aria-invalid={errors.connection ? true : undefined}
          aria-describedby={errors.connection ? "filter-connection-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-600"
        >
          <option value="">Every connection</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.connection ? (
          <p id="filter-connection-error" className="mt-1 text-xs text-red-700">
            {errors.connection}
          </p>
        ) : null}
      </div>
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
    </form>
  );
}
