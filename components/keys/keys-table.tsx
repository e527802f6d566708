"use client";

import { StatusBadge } from "@/components/ui/status-badge";
import type { Role } from "@/lib/roles";
import type { KeyView } from "@/lib/keys/view";
import { KeyRow, type KeyAction } from "./key-row";
import { KeySummaryCells } from "./key-summary-cells";
import { KeyTableHead } from "./key-table-head";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

/** What a table of keys needs to offer the controls a role may use (a service account's page). */
export interface KeyControls {
  role: Role;
  /** Keys whose status is being changed right now: their switch says it is busy. */
  busyKeyIds: ReadonlySet<string>;
  onAction: (action: KeyAction, key: KeyView) => void;
}

export interface KeysTableProps {
  keys: KeyView[];
  /** Read by screen readers only, e.g. "API keys of <account>". */
  caption: string;
  /** Given: each row has the controls the role may use. Left out: a read-only summary (a list's card). */
  controls?: KeyControls;
}

// The summary sits inside a card that draws its own border; the controlled table stands on the page.
const LOOK = {
  summary: {
    empty: "px-4 py-6 text-sm text-slate-600",
    frame: "overflow-x-auto",
    // Fixed columns so the cards of a long list line up with each other.
    table: "w-full min-w-[56rem] table-fixed text-left text-sm",
  },
  controlled: {
    empty: "rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600",
    frame: "overflow-x-auto rounded-lg border border-slate-200 bg-white",
    table: "w-full min-w-[60rem] text-left text-sm",
  },
};

// Column widths of the summary, in KeyTableHead's order (name to status).
const SUMMARY_COLUMNS = ["w-[18%]", "w-[8%]", "w-[11%]", "w-[15%]", "w-[20%]", "w-[17%]", "w-[11%]"];

/** A service account's keys: read-only on the accounts list, with the role's controls on its own page. */
export function KeysTable({ keys, caption, controls }: KeysTableProps) {
  const look = controls ? LOOK.controlled : LOOK.summary;
  if (keys.length === 0) {
    return <p className={look.empty}>This service account has no API keys yet.</p>;
  }
  return (
    <div className={look.frame}>
      <table className={`${look.table} ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">{caption}</caption>
        {controls ? null : (
          <colgroup>
            {SUMMARY_COLUMNS.map((width, i) => (
              <col key={i} className={width} />
            ))}
          </colgroup>
        )}
        <KeyTableHead withActions={controls?.role === "admin"} />
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) =>
            controls ? (
              <KeyRow
                key={key.id}
                apiKey={key}
                role={controls.role}
                busy={controls.busyKeyIds.has(key.id)}
                onAction={controls.onAction}
              />
            ) : (
              <tr key={key.id} data-key-id={key.id}>
                <KeySummaryCells apiKey={key} />
                <td className="px-4 py-3">
                  <StatusBadge enabled={key.enabled} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
