import { allowlistSummary, permissionSummary } from "@/lib/domain/key-summary";
import { formatDate } from "@/lib/format";
import type { KeyView } from "@/lib/keys-ui/key-view";
import { StatusBadge } from "@/components/ui/status-badge";
import { UsageMeter } from "@/components/ui/usage-meter";
import { KeyTableHead } from "@/components/keys/key-table-head";

/** A service account's keys, read-only: the overview on the service accounts list. */
export function KeyTable({ keys, caption }: { keys: KeyView[]; caption: string }) {
  if (keys.length === 0) {
    return <p className="px-4 py-6 text-sm text-slate-600">This service account has no API keys yet.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[56rem] table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          <col className="w-[18%]" />
          <col className="w-[8%]" />
          <col className="w-[11%]" />
          <col className="w-[15%]" />
          <col className="w-[20%]" />
          <col className="w-[17%]" />
          <col className="w-[11%]" />
        </colgroup>
        <KeyTableHead />
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} data-key-id={key.id}>
              <th scope="row" className="break-words px-4 py-3 font-medium text-slate-900">{key.name}</th>
              <td className="whitespace-nowrap px-4 py-3 font-mono text-slate-700">…{key.hint}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{formatDate(key.createdAt)}</td>
              <td className="px-4 py-3 text-slate-700">
                {permissionSummary(key.permissions)}
                {key.permissions === "all" ? <span className="ml-1 text-xs text-amber-800">(unrestricted)</span> : null}
              </td>
              <td className="px-4 py-3"><UsageMeter apiKey={key} /></td>
              <td className="px-4 py-3 font-mono text-xs text-slate-700">{allowlistSummary(key.allowedIps)}</td>
              <td className="px-4 py-3"><StatusBadge enabled={key.enabled} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
