// One count on the overview: its name and number are a link to the keys counted.
import { Link } from "@/components/ui/link";
import { formatNumber } from "@/lib/format";

/** A total: its name and number are the link; the one line under them says what is counted. */
export function Stat({
  id,
  label,
  summary,
  value,
  href,
}: {
  id: string;
  label: string;
  summary: string;
  value: number;
  href: string;
}) {
  return (
    <div className="relative rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-indigo-400">
      <Link
        href={href}
        aria-describedby={`${id}-summary`}
        className="block after:absolute after:inset-0 after:rounded-lg"
      >
        <span className="block text-sm text-slate-600">{label}</span>
        <span className="text-2xl font-semibold text-slate-900">{formatNumber(value)}</span>
      </Link>
      <p id={`${id}-summary`} className="text-xs text-slate-600">
        {summary}
      </p>
    </div>
  );
}
