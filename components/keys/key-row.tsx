"use client";

import { StatusBadge } from "@/components/ui/status-badge";
import { UsageMeter } from "@/components/ui/usage-meter";
import type { Role } from "@/lib/auth/roles";
import { allowlistSummary, permissionSummary } from "@/lib/domain/key-summary";
import { formatDate } from "@/lib/format";
import type { KeyView } from "@/lib/keys-ui/key-view";
import { KeyStatusSwitch } from "./key-status-switch";
import { RotationBadge } from "./rotation-badge";

export type KeyAction = "edit" | "rotate" | "delete" | "finish-rotation" | "status";

const smallButton = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60";

/** One key. The controls shown are the ones the role may use: reviewer none, support the switch. */
export function KeyRow({ apiKey, role, busy, onAction }: { apiKey: KeyView; role: Role; busy: boolean; onAction: (action: KeyAction, key: KeyView) => void }) {
  const canToggle = role === "admin" || role === "support";
  return (
    <tr data-key-id={apiKey.id}>
      <th scope="row" className="break-words px-4 py-3 font-medium text-slate-900">
        {apiKey.name}
      </th>
      <td className="whitespace-nowrap px-4 py-3 font-mono text-slate-700">…{apiKey.hint}</td>
      <td className="whitespace-nowrap px-4 py-3 text-slate-700">{formatDate(apiKey.createdAt)}</td>
      <td className="px-4 py-3 text-slate-700">
        {permissionSummary(apiKey.permissions)}
        {apiKey.permissions === "all" ? <span className="ml-1 text-xs text-amber-800">(unrestricted)</span> : null}
      </td>
      <td className="px-4 py-3"><UsageMeter apiKey={apiKey} /></td>
      <td className="px-4 py-3 font-mono text-xs text-slate-700">{allowlistSummary(apiKey.allowedIps)}</td>
      <td className="px-4 py-3">
        {canToggle ? <KeyStatusSwitch apiKey={apiKey} busy={busy} onFlip={() => onAction("status", apiKey)} /> : <StatusBadge enabled={apiKey.enabled} />}
        {apiKey.rotation ? <div className="mt-1"><RotationBadge rotation={apiKey.rotation} /></div> : null}
        {!apiKey.enabled && apiKey.disableReason ? <p className="mt-1 text-xs text-slate-600">{apiKey.disableReason.replaceAll("_", " ")}</p> : null}
      </td>
      {role === "admin" ? (
        <td className="px-4 py-3">
          <div className="flex flex-wrap gap-1">
            <button type="button" onClick={() => onAction("edit", apiKey)} className={smallButton}>Edit<span className="sr-only"> {apiKey.name}</span></button>
            {apiKey.rotation?.role === "old" ? (
              <button type="button" onClick={() => onAction("finish-rotation", apiKey)} className={smallButton}>Finish rotation<span className="sr-only"> of {apiKey.name}</span></button>
            ) : apiKey.rotation ? null : (
              <button type="button" onClick={() => onAction("rotate", apiKey)} className={smallButton}>Rotate<span className="sr-only"> {apiKey.name}</span></button>
            )}
            <button type="button" onClick={() => onAction("delete", apiKey)} className={`${smallButton} text-red-800`}>Delete<span className="sr-only"> {apiKey.name}</span></button>
          </div>
        </td>
      ) : null}
    </tr>
  );
}
