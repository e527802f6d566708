"use client";

import { StatusBadge } from "@/components/ui/status-badge";
import type { Role } from "@/lib/roles";
import { visibleText } from "@/lib/format";
import type { KeyView } from "@/lib/keys/view";
import { KeyStatusSwitch } from "./key-status-switch";
import { KeySummaryCells } from "./key-summary-cells";
import { RotationBadge } from "./rotation-badge";

export type KeyAction = "edit" | "rotate" | "delete" | "finish-rotation" | "status";

const smallButton = "rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60";

/** One key. The controls shown are the ones the role may use: reviewer none, support the switch. */
export function KeyRow({ apiKey, role, busy, onAction }: { apiKey: KeyView; role: Role; busy: boolean; onAction: (action: KeyAction, key: KeyView) => void }) {
  const canToggle = role === "admin" || role === "support";
  return (
    <tr data-key-id={apiKey.id}>
      <KeySummaryCells apiKey={apiKey} />
      <td className="px-4 py-3">
        {canToggle ? <KeyStatusSwitch apiKey={apiKey} busy={busy} onFlip={() => onAction("status", apiKey)} /> : <StatusBadge enabled={apiKey.enabled} />}
        {apiKey.rotation ? <div className="mt-1"><RotationBadge rotation={apiKey.rotation} /></div> : null}
        {!apiKey.enabled && apiKey.disableReason ? <p className="mt-1 text-xs text-slate-600">{apiKey.disableReason.replaceAll("_", " ")}</p> : null}
      </td>
      {role === "admin" ? (
        <td className="px-4 py-3">
          <div className="flex flex-wrap gap-1">
            <button type="button" onClick={() => onAction("edit", apiKey)} className={smallButton}>Edit<span className="sr-only"> {visibleText(apiKey.name)}</span></button>
            {apiKey.rotation?.role === "old" ? (
              <button type="button" onClick={() => onAction("finish-rotation", apiKey)} className={smallButton}>Finish rotation<span className="sr-only"> of {visibleText(apiKey.name)}</span></button>
            ) : apiKey.rotation ? null : (
              <button type="button" onClick={() => onAction("rotate", apiKey)} className={smallButton}>Rotate<span className="sr-only"> {visibleText(apiKey.name)}</span></button>
            )}
            <button type="button" onClick={() => onAction("delete", apiKey)} className={`${smallButton} text-red-800`}>Delete<span className="sr-only"> {visibleText(apiKey.name)}</span></button>
          </div>
        </td>
      ) : null}
    </tr>
  );
}
