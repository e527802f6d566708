import { Link } from "@/components/ui/link";
import { keyHref } from "@/lib/key-href";
import { allowlistSummary, permissionSummary } from "@/lib/keys/summary";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { formatDate, visibleText } from "@/lib/format";
import { UsageMeter } from "@/components/ui/usage-meter";

/**
 * The read-only cells every row of a key table starts with (name to allowlist), in KeyTableHead's
 * order. The name links to the key's own page (these are the primary workspace's keys).
 */
export function KeySummaryCells({
  apiKey,
}: {
  apiKey: Pick<
    ApiKey,
    | "id"
    | "serviceAccountId"
    | "name"
    | "hint"
    | "createdAt"
    | "permissions"
    | "characterLimit"
    | "characterCount"
    | "allowedIps"
  >;
}) {
  return (
    <>
      <th scope="row" className="px-4 py-3 font-medium break-words text-slate-900">
        <Link
          href={keyHref({ group: apiKey.serviceAccountId, keyId: apiKey.id })}
          className="text-indigo-800 hover:underline"
        >
          {visibleText(apiKey.name)}
        </Link>
      </th>
      <td className="px-4 py-3 font-mono whitespace-nowrap text-slate-700">…{apiKey.hint}</td>
      <td className="px-4 py-3 whitespace-nowrap text-slate-700">{formatDate(apiKey.createdAt)}</td>
      <td className="px-4 py-3 text-slate-700">
        {permissionSummary(apiKey.permissions)}
        {apiKey.permissions === "all" ? (
          <span className="ml-1 text-xs text-amber-800">(unrestricted)</span>
        ) : null}
      </td>
      <td className="px-4 py-3">
        <UsageMeter apiKey={apiKey} />
      </td>
      <td className="px-4 py-3 font-mono text-xs text-slate-700">{allowlistSummary(apiKey.allowedIps)}</td>
    </>
  );
}
