// A row's target by name: a link to its page where it has one, its ids on hover (title) and read out
// on focus (aria-describedby), so the table shows names while the ids stay one step away.
import { Link } from "@/components/ui/link";
import type { TargetPart } from "@/lib/audit/describe-target";

export function AuditTarget({ parts, rowId }: { parts: TargetPart[]; rowId: number }) {
  if (parts.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5">
      {parts.map((part, i) => {
        const idsId = `audit-target-${rowId}-${i}`;
        return (
          <li key={i}>
            {part.href ? (
              <Link
                href={part.href}
                prefetch={false}
                title={part.ids || undefined}
                aria-describedby={part.ids ? idsId : undefined}
                className="font-medium text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700"
              >
                {part.label}
              </Link>
            ) : (
              <span title={part.ids || undefined}>{part.label}</span>
            )}
            {part.ids ? (
              <span id={idsId} className="sr-only">
                {part.ids}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
