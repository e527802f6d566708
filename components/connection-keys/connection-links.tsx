import { Link } from "@/components/ui/link";
import { PROVIDER_LABELS } from "@/lib/connections/providers";
import type { ConnectionView } from "@/lib/connections/types";

/** The connections a person may use, each a link to its keys: how non-admins reach them. */
export function ConnectionLinks({ connections }: { connections: ConnectionView[] }) {
  if (connections.length === 0)
    return <p className="text-sm text-slate-700">Your access includes no connection yet. Ask an admin.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {connections.map((c) => (
        <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
          <Link
            href={`/connections/${encodeURIComponent(c.id)}`}
            className="font-medium text-indigo-800 hover:underline"
          >
            {c.name}
          </Link>
          <span className="text-slate-600">{PROVIDER_LABELS[c.provider]}</span>
        </li>
      ))}
    </ul>
  );
}
