import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { visibleText } from "@/lib/format";
import { CopyButton } from "./copy-button";

export interface Crumb {
  href: string;
  label: string;
}

export interface KeyFact {
  label: string;
  value: ReactNode;
}

/**
 * The top of a key's page: where it sits (breadcrumb), its name, its status, and the facts that
 * identify it: the id (copyable, for a ticket or the API), the end of its secret, when it was made.
 */
export function KeyHeader({
  crumbs,
  name,
  status,
  keyId,
  facts,
}: {
  crumbs: Crumb[];
  /** Null when the key could not be read (it is gone, or the upstream failed). */
  name: string | null;
  status?: ReactNode;
  keyId: string;
  facts: KeyFact[];
}) {
  return (
    <header className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          {crumbs.map((crumb) => (
            <li key={crumb.href} className="flex items-center gap-1">
              <Link href={crumb.href} className="font-medium break-all text-indigo-800 hover:underline">
                {visibleText(crumb.label)}
              </Link>
              <span aria-hidden>›</span>
            </li>
          ))}
          <li aria-current="page" className="break-all">
            {name === null ? "Key" : visibleText(name)}
          </li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-all">
          {name === null ? "Key" : visibleText(name)}
        </h1>
        {status}
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">Key id</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-xs break-all text-slate-900">{keyId}</code>
            <CopyButton value={keyId} label="key id" />
          </dd>
        </div>
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt className="text-slate-600">{fact.label}</dt>
            <dd className="text-slate-900">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
