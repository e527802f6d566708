/** The column headings every table of keys shares (the overview and a service account's page). */
export function KeyTableHead({ withActions = false }: { withActions?: boolean }) {
  const columns = ["Name", "Key", "Created", "Permissions", "Monthly usage", "IP allowlist", "Status"];
  return (
    <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
      <tr>
        {columns.map((label) => (
          <th key={label} scope="col" className="px-4 py-2 font-medium">
            {label}
          </th>
        ))}
        {withActions ? (
          <th scope="col" className="px-4 py-2 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
