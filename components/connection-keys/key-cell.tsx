import { formatDate, visibleText } from "@/lib/format";
import type { ProviderCapabilities } from "@/lib/providers/types";
import type { KeyColumn } from "./key-columns";
import {
  expiryText,
  grantsEverything,
  isExpired,
  lastUsedText,
  openEnds,
  permissionsText,
  restrictionsText,
} from "./key-text.logic";
import type { ConnectionKeyView } from "./types";

/** One cell of a key's row, in its provider's terms. */
export function KeyCell({
  column,
  apiKey: k,
  capabilities,
}: {
  column: KeyColumn;
  apiKey: ConnectionKeyView;
  capabilities: ProviderCapabilities;
}) {
  const cls = "px-3 py-2 align-top text-slate-700";
  switch (column) {
    case "owner":
      return <td className={cls}>{k.owner ? visibleText(k.owner) : "Unknown"}</td>;
    case "hint":
      return <td className={`${cls} font-mono whitespace-nowrap`}>{k.hint ? `…${k.hint}` : "—"}</td>;
    case "status":
      return (
        <td className={cls}>
          <KeyStatus apiKey={k} frozenWhenExpired={capabilities.expiredKeysAreFrozen} />
        </td>
      );
    case "permissions":
      return (
        <td className={`${cls} break-words`}>
          {permissionsText(k.permissions)}
          {grantsEverything(k.permissions) ? (
            <span className="ml-1 text-xs text-amber-800">(unrestricted)</span>
          ) : null}
        </td>
      );
    case "restrictions": {
      const present = restrictionsText(k.restrictions);
      const open = openEnds(k.restrictions);
      return (
        <td className={`${cls} text-xs break-words`}>
          {present.length === 0 && open.length === 0 ? "None" : null}
          {present.length > 0 ? (
            <ul className="space-y-0.5">
              {present.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : null}
          {open.length > 0 ? <p className="text-amber-800">{open.join("; ")}</p> : null}
        </td>
      );
    }
    case "expires":
      return <td className={`${cls} whitespace-nowrap`}>{expiryText(k.expiresAt)}</td>;
    case "lastUsed":
      return <td className={`${cls} whitespace-nowrap`}>{lastUsedText(k.lastUsedAt)}</td>;
    case "created":
      return <td className={`${cls} whitespace-nowrap`}>{formatDate(k.createdAt)}</td>;
  }
}

function KeyStatus({
  apiKey: k,
  frozenWhenExpired,
}: {
  apiKey: ConnectionKeyView;
  frozenWhenExpired: boolean;
}) {
  const expired = isExpired(k.expiresAt);
  const badge =
    "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 whitespace-nowrap";
  return (
    <div className="space-y-1">
      {expired ? (
        <span className={`${badge} bg-red-50 text-red-800 ring-red-200`}>Expired</span>
      ) : k.enabled === true ? (
        <span className={`${badge} bg-emerald-50 text-emerald-800 ring-emerald-200`}>Enabled</span>
      ) : k.enabled === false ? (
        <span className={`${badge} bg-slate-100 text-slate-700 ring-slate-300`}>Disabled</span>
      ) : null}
      {expired && frozenWhenExpired ? (
        <p className="text-xs text-slate-600">It can no longer be changed: rotate or delete it.</p>
      ) : null}
      {k.enabled === false && k.disableReason ? (
        <p className="text-xs text-slate-600">{visibleText(k.disableReason)}</p>
      ) : null}
    </div>
  );
}
