"use client";

import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Role } from "@/lib/roles";
import { visibleText } from "@/lib/format";
import type { KeyView } from "@/lib/keys/view";
import { KeyStatusSwitch } from "./key-status-switch";
import { KeySummaryCells } from "./key-summary-cells";
import { RotationBadge } from "./rotation-badge";

export type KeyAction = "edit" | "rotate" | "delete" | "finish-rotation" | "status";

/** One key. The controls shown are the ones the role may use: reviewer none, support the switch. */
export function KeyRow({
  apiKey,
  role,
  busy,
  onAction,
}: {
  apiKey: KeyView;
  role: Role;
  busy: boolean;
  onAction: (action: KeyAction, key: KeyView) => void;
}) {
  const canToggle = role === "admin" || role === "support";
  return (
    <tr data-key-id={apiKey.id}>
      <KeySummaryCells apiKey={apiKey} />
      <td className="px-4 py-3">
        {canToggle ? (
          <KeyStatusSwitch apiKey={apiKey} busy={busy} onFlip={() => onAction("status", apiKey)} />
        ) : (
          <StatusBadge enabled={apiKey.enabled} />
        )}
        {apiKey.rotation ? (
          <div className="mt-1">
            <RotationBadge rotation={apiKey.rotation} />
          </div>
        ) : null}
        {!apiKey.enabled && apiKey.disableReason ? (
          <p className="mt-1 text-xs text-slate-600">{apiKey.disableReason.replaceAll("_", " ")}</p>
        ) : null}
      </td>
      {role === "admin" ? (
        <td className="px-4 py-3">
          <div className="flex flex-wrap gap-1">
            <Button type="button" onClick={() => onAction("edit", apiKey)} variant="secondary" size="xs">
              Edit<span className="sr-only"> {visibleText(apiKey.name)}</span>
            </Button>
            {apiKey.rotation?.role === "old" ? (
              <Button
                type="button"
                onClick={() => onAction("finish-rotation", apiKey)}
                variant="secondary"
                size="xs"
              >
                Finish rotation<span className="sr-only"> of {visibleText(apiKey.name)}</span>
              </Button>
            ) : apiKey.rotation ? null : (
              <Button type="button" onClick={() => onAction("rotate", apiKey)} variant="secondary" size="xs">
                Rotate<span className="sr-only"> {visibleText(apiKey.name)}</span>
              </Button>
            )}
            <Button
              type="button"
              onClick={() => onAction("delete", apiKey)}
              variant="secondary"
              size="xs"
              className="text-red-800"
            >
              Delete<span className="sr-only"> {visibleText(apiKey.name)}</span>
            </Button>
          </div>
        </td>
      ) : null}
    </tr>
  );
}
