// The audit filters as a plain GET form: the filters live in the URL, so a view can be shared.
import { KNOWN_ACTIONS } from "@/lib/audit/actions";
export interface AuditFilterValues {
  actor?: string;
  action?: string;
  target?: string;
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

export function AuditFilterForm({
  values,
  errors,
}: {
  values: AuditFilterValues;
  errors: Record<string, string>;
}) {
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
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
