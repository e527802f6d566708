// What each of the All keys table's optional columns shows for a key, and how its heading sorts;
// shared by the table and the phone cards so both say the same thing the same way.
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { formatDate, visibleText } from "@/lib/format";
import { keyHref } from "@/lib/key-href";
import { accessOf } from "@/lib/inventory/risk";
import { accessSummary, restrictionsSummary } from "@/lib/inventory/summaries";
import type { InventoryRow } from "@/lib/inventory/types";
import type { ColumnId } from "@/lib/inventory/table-columns";
import type { SortKey } from "@/lib/inventory/url-filters";
import { StatusBadge } from "@/components/ui/status-badge";
import { UsageMeter } from "@/components/ui/usage-meter";
import { RiskBadges } from "./risk-badges";
import { RotationSideBadge } from "./rotation-side-badge";
import { rotationSideWords } from "./rotation-side.logic";
import { TruncatedText } from "./truncated-text";

/** The key's group where its provider has groups, else its owner (DocSpace's creator, Voiceable's email). */
export const groupOrOwner = (row: InventoryRow) => row.serviceAccountName || row.details?.owner || "—";

/**
 * The key as a control's label names it: its name, its group or owner, and its side of an open
 * rotation (two keys of one name in one group differ only by that).
 */
export function rowLabel(row: InventoryRow): string {
  const side = rotationSideWords(row.rotation);
  return `${row.name} (${groupOrOwner(row)}${side ? `, ${side}` : ""})`;
}

/** The key's own page (lib/key-href.ts); null for a primary row without its service account, which has none. */
export function rowHref(row: InventoryRow): string | null {
  const connectionId = row.connection?.id ?? null;
  const group = row.serviceAccountId || null;
  try {
    return keyHref({ connectionId, group, keyId: row.id });
  } catch {
    return null;
  }
}

/** Expiry and last use, where the provider has them; "—" where it has neither. */
function lifetimeText(row: InventoryRow): string {
  const caps = row.connection?.capabilities;
  const parts: string[] = [];
  if (caps?.expiry && row.details)
    parts.push(row.details.expiresAt ? `Expires ${formatDate(row.details.expiresAt)}` : "No expiry");
  if (caps?.lastUsed && row.details)
    parts.push(row.details.lastUsedAt ? `Used ${formatDate(row.details.lastUsedAt)}` : "Never used");
  return parts.length > 0 ? parts.join(" · ") : "—";
}

/**
 * The key's name, as the link to its page where it has one, with which side of an open rotation it
 * is on: a rotation keeps the name, so the badge is what tells the two keys apart. Shared by the
 * table's name cell (`stacked`: the badge under the name, as the column is narrow and the row has
 * room for two lines) and the phone cards (beside it).
 */
export function NameCell({
  row,
  linkClassName,
  stacked = false,
}: {
  row: InventoryRow;
  linkClassName: string;
  stacked?: boolean;
}) {
  const href = rowHref(row);
  const name = visibleText(row.name);
  return (
    <span className={stacked ? "block min-w-0" : "flex min-w-0 items-center gap-1.5"}>
      {href ? (
        <Link
          href={href}
          title={name}
          className={`min-w-0 truncate ${stacked ? "block" : ""} ${linkClassName}`}
        >
          {name}
        </Link>
      ) : (
        <span className={`min-w-0 truncate ${stacked ? "block" : ""}`} title={name}>
          {name}
        </span>
      )}
      {stacked && row.rotation ? (
        <span className="mt-0.5 block leading-none">
          <RotationSideBadge rotation={row.rotation} />
        </span>
      ) : (
        <RotationSideBadge rotation={row.rotation} />
      )}
    </span>
  );
}

export function StatusCell({ row }: { row: InventoryRow }) {
  return row.enabled === null ? (
    <span className="text-xs text-slate-600" title="This provider cannot switch a key off">
      No disable
    </span>
  ) : (
    <StatusBadge enabled={row.enabled} />
  );
}

/** The heading's sort key; null where the column does not sort. */
export const COLUMN_SORT: Record<ColumnId, SortKey | null> = {
  connection: "connection",
  owner: "serviceAccount",
  hint: "hint",
  status: "status",
  permissions: "permissions",
  usage: "usage",
  restrictions: "allowlist",
  created: "createdAt",
  lifetime: null,
  risk: "risk",
};

export function cellContent(column: ColumnId, row: InventoryRow): ReactNode {
  const caps = row.connection?.capabilities ?? null;
  switch (column) {
    case "connection":
      return row.connection ? (
        <>
          <TruncatedText text={row.connection.name} className="text-slate-700" />
          <span className="block truncate text-xs text-slate-600">{row.connection.capabilities.label}</span>
        </>
      ) : (
        "—"
      );
    case "owner":
      return <TruncatedText text={groupOrOwner(row)} />;
    case "hint":
      return <span className="font-mono text-slate-700">{row.hint ? `…${row.hint}` : "—"}</span>;
    case "status":
      return <StatusCell row={row} />;
    case "permissions":
      return <TruncatedText text={accessSummary(accessOf(row))} className="text-slate-700" />;
    case "usage":
      return caps === null || caps.characterLimit ? (
        <UsageMeter apiKey={row} />
      ) : (
        <span className="text-xs text-slate-600">—</span>
      );
    case "restrictions": {
      const restrictions = restrictionsSummary(row, caps);
      return (
        <span
          tabIndex={0}
          className="block truncate rounded-sm font-mono text-xs text-slate-700 focus:outline-2 focus:outline-indigo-600"
          title={restrictions.title}
        >
          {restrictions.text}
        </span>
      );
    }
    case "created":
      return <span className="whitespace-nowrap text-slate-700">{formatDate(row.createdAt)}</span>;
    case "lifetime":
      return <TruncatedText text={lifetimeText(row)} className="text-xs text-slate-700" />;
    case "risk":
      return <RiskBadges flags={row.flags} max={2} />;
  }
}
