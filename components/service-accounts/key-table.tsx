import type { KeyView } from "@/lib/keys/view";
import { StatusBadge } from "@/components/ui/status-badge";
import { KeySummaryCells } from "@/components/keys/key-summary-cells";
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
              <KeySummaryCells apiKey={key} />
              <td className="px-4 py-3"><StatusBadge enabled={key.enabled} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
