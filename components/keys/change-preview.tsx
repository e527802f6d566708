import type { FieldChange } from "./key-diff.logic";

/** "Monthly limit: 1,000 characters → 2,500 characters", one line per changed field. */
export function ChangePreview({ changes, label }: { changes: FieldChange[]; label: string }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{label}</caption>
      <thead className="text-xs tracking-wide text-slate-600 uppercase">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Field
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Before
          </th>
          <th scope="col" className="py-1 font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row" className="py-1 pr-3 font-medium">
              {c.label}
            </th>
            <td className="py-1 pr-3 break-words text-slate-700">{c.before}</td>
            <td className="py-1 font-medium break-words text-slate-900">{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
