"use client";

import type { Role } from "@/lib/roles";
import type { KeyView } from "@/lib/keys/view";
import { KeyRow, type KeyAction } from "./key-row";
import { KeyTableHead } from "./key-table-head";

/** A service account's keys with the controls the role may use. */
export function KeysTable({ keys, caption, role, busyKeyIds, onAction }: { keys: KeyView[]; caption: string; role: Role; busyKeyIds: ReadonlySet<string>; onAction: (action: KeyAction, key: KeyView) => void }) {
  if (keys.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">This service account has no API keys yet.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <KeyTableHead withActions={role === "admin"} />
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} role={role} busy={busyKeyIds.has(key.id)} onAction={onAction} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
