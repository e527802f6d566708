"use client";

import { Link } from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { PROVIDER_LABELS } from "@/lib/connections/providers";
import type { ConnectionSource, ConnectionView } from "@/lib/connections/types";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

const SOURCE_LABELS: Record<ConnectionSource, string> = {
  database: "Added here",
  file: "Managed by file",
  environment: "Managed by the environment",
  demo: "Demo emulator",
};

export interface ConnectionRowActions {
  test: (connection: ConnectionView) => void;
  askRename: (connection: ConnectionView) => void;
  askRemove: (connection: ConnectionView) => void;
  /** The connection whose test is running, if any. */
  testing: string | null;
}

/** Every connection (its name a link to its keys), with Test for each and Rename / Remove for those added here. */
export function ConnectionTable({
  connections,
  actions,
}: {
  connections: ConnectionView[];
  actions: ConnectionRowActions;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full text-left text-sm ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">Connections</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Provider
            </th>
            <th scope="col" className="px-3 py-2">
              Base URL
            </th>
            <th scope="col" className="px-3 py-2">
              Credential
            </th>
            <th scope="col" className="px-3 py-2">
              Managed
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connections.map((c) => (
            <tr key={c.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link
                  href={`/connections/${encodeURIComponent(c.id)}`}
                  className="text-indigo-800 hover:underline"
                >
                  {c.name}
                </Link>
              </th>
              <td className="px-3 py-2">{PROVIDER_LABELS[c.provider]}</td>
              <td className="px-3 py-2 font-mono text-xs break-all">{c.baseUrl}</td>
              <td className="px-3 py-2 font-mono text-xs">
                {c.credentialHint ? (
                  <>
                    <span className="sr-only">ends in </span>…{c.credentialHint}
                  </>
                ) : (
                  <span className="font-sans text-slate-600">hidden (short)</span>
                )}
              </td>
              <td className="px-3 py-2">{SOURCE_LABELS[c.source]}</td>
              <td className="px-3 py-2">
                <div className="flex justify-end gap-2">
                  <Button
                    type="button"
                    size="sm"
                    variant="secondary"
                    disabled={actions.testing === c.id}
                    aria-label={`Test ${c.name}`}
                    onClick={() => actions.test(c)}
                  >
                    {actions.testing === c.id ? "Testing…" : "Test"}
                  </Button>
                  {c.source === "database" ? (
                    <>
                      <Button
                        type="button"
                        size="sm"
                        variant="secondary"
                        aria-label={`Rename ${c.name}`}
                        onClick={() => actions.askRename(c)}
                      >
                        Rename
                      </Button>
                      <Button
                        type="button"
                        size="sm"
                        variant="secondary"
                        aria-label={`Remove ${c.name}`}
                        onClick={() => actions.askRemove(c)}
                      >
                        Remove
                      </Button>
                    </>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
