"use client";

import { Link } from "@/components/ui/link";
import { visibleText } from "@/lib/format";
import { keyHref } from "@/lib/key-href";
import type { Role } from "@/lib/roles";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { keyActions } from "./key-actions.logic";
import { KeyCell } from "./key-cell";
import { COLUMN_LABELS, keyColumns } from "./key-columns";
import { KeyRowActions, type KeyDialog } from "./key-row-actions";
import type { ConnectionKeyView } from "./types";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

/** A connection's keys, with the columns its provider can fill and the actions this role may use. */
export function ConnectionKeysTable({
  keys,
  capabilities,
  role,
  caption,
  connectionId,
  onOpen,
}: {
  connectionId: string;
  keys: ConnectionKeyView[];
  capabilities: ProviderCapabilities;
  role: Role;
  caption: string;
  onOpen: (dialog: KeyDialog, key: ConnectionKeyView) => void;
}) {
  const columns = keyColumns(capabilities);
  const withActions = role !== "reviewer";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full min-w-[56rem] text-left text-sm ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {COLUMN_LABELS[column]}
              </th>
            ))}
            {withActions ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} data-key-id={key.id}>
              <th scope="row" className="px-3 py-2 align-top font-medium break-words text-slate-900">
                <Link
                  href={keyHref({ connectionId, group: key.group?.id ?? null, keyId: key.id })}
                  className="text-indigo-800 hover:underline"
                >
                  {visibleText(key.name)}
                </Link>
                {capabilities.groups && key.group ? (
                  <span className="block text-xs font-normal text-slate-600">
                    {capabilities.groups.label}: {key.group.name ?? key.group.id}
                  </span>
                ) : null}
              </th>
              {columns.map((column) => (
                <KeyCell key={column} column={column} apiKey={key} capabilities={capabilities} />
              ))}
              {withActions ? (
                <td className="px-3 py-2 align-top">
                  <KeyRowActions apiKey={key} actions={keyActions(capabilities, role, key)} onOpen={onOpen} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
