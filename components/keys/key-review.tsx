import { formatNumber } from "@/lib/format";
import { normaliseAllowlistEntry } from "@/lib/ip/cidr";
import { keyRisks } from "@/lib/keys/view";
import { describePermissions } from "./permission-picker.logic";
import type { Permissions } from "@/lib/permissions";

const RISK_TEXT: Record<string, string> = {
  "all permissions": "All permissions: the key can do everything, including changing the workspace.",
  "no IP allowlist": "No IP allowlist: anyone who gets the secret can use it from anywhere.",
  "no monthly limit": "No monthly limit: a leaked or runaway key can spend the whole quota.",
};

/** The limit as the form holds it while typing: a number the schema may still refuse. */
function limitText(limit: number | null): string {
  if (limit === null) return "No limit";
  if (!Number.isInteger(limit) || limit < 1) return "Not a valid limit yet";
  return `${formatNumber(limit)} characters a month`;
}

/**
 * A plain summary of what a key will be able to do, with the risks called out. Fed the form's
 * values as they are typed (the create dialog's review panel), so it must read half-typed input.
 */
export function KeyReview({
  name,
  accountName,
  permissions,
  characterLimit,
  allowedIps,
}: {
  name: string;
  accountName?: string;
  permissions: Permissions;
  characterLimit: number | null;
  allowedIps: string[] | null;
}) {
  const risks = keyRisks({ permissions, characterLimit, allowedIps });
  const ips = allowedIps?.map((e) => normaliseAllowlistEntry(e) ?? e) ?? null;
  const lines =
    permissions !== "all" && permissions.length === 0
      ? ["Nothing chosen yet: choose at least one permission."]
      : describePermissions(permissions);
  return (
    <div className="space-y-3 text-sm">
      <dl className="space-y-2">
        <div>
          <dt className="font-medium">Name</dt>
          <dd className="break-words">{name.trim() || "No name yet"}</dd>
        </div>
        {accountName ? (
          <div>
            <dt className="font-medium">Service account</dt>
            <dd className="break-words">{accountName}</dd>
          </div>
        ) : null}
        <div>
          <dt className="font-medium">It will be able to use</dt>
          <dd>
            <ul className="list-disc pl-5">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="font-medium">Monthly limit</dt>
          <dd>{limitText(characterLimit)}</dd>
        </div>
        <div>
          <dt className="font-medium">From</dt>
          <dd className="break-words">{ips === null ? "Any IP address" : ips.join(", ")}</dd>
        </div>
      </dl>
      {risks.length > 0 ? (
        <ul aria-label="Warnings" className="space-y-1">
          {risks.map((risk) => (
            <li
              key={risk}
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950"
            >
              ⚠ {RISK_TEXT[risk]}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
