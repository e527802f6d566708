import { formatDate, formatNumber, visibleText } from "@/lib/format";
import type { KeyRestrictions as Restrictions } from "@/lib/providers/types";
import { Flag } from "./key-section";

/**
 * Where and how much the key may be used: only the restrictions its provider has (an absent one is
 * not drawn; a present one that is open says so, flagged), and its expiry where keys expire.
 */
export function KeyRestrictions({
  restrictions: r,
  expiry,
}: {
  restrictions: Restrictions;
  /** Given where the provider's keys may expire: the key's expiry (null: never). */
  expiry?: { expiresAt: string | null; expired: boolean };
}) {
  const rows: { term: string; detail: React.ReactNode }[] = [];
  if (r.ipAllowlist !== undefined)
    rows.push({
      term: "IP allowlist",
      detail: r.ipAllowlist === null ? <Flag>Any IP address</Flag> : <Values values={r.ipAllowlist} />,
    });
  if (r.characterLimit !== undefined)
    rows.push({
      term: "Monthly character limit",
      detail:
        r.characterLimit.limit === null ? (
          <Flag>No limit</Flag>
        ) : r.characterLimit.limit === 0 ? (
          "Blocked (limit 0)"
        ) : (
          `${formatNumber(r.characterLimit.limit)} characters a month`
        ),
    });
  if (r.allowedOrigins !== undefined)
    rows.push({
      term: "Allowed origins",
      detail: (
        <>
          {r.allowedOrigins.length === 0 ? <Flag>Any origin</Flag> : <Values values={r.allowedOrigins} />}
          <p className="mt-1 text-xs text-slate-600">
            Enforced by browsers, not the network: no protection for a leaked secret used from a server.
          </p>
        </>
      ),
    });
  if (r.assistants !== undefined)
    rows.push(
      {
        term: "Assistants",
        detail:
          r.assistants.allowed.length === 0 ? (
            <Flag>Every assistant</Flag>
          ) : (
            <Values values={r.assistants.allowed} />
          ),
      },
      {
        term: "Transient assistants",
        detail: r.assistants.transient ? "Allowed (assistants defined inline, unsaved)" : "Not allowed",
      },
    );
  if (expiry)
    rows.push({
      term: "Expires",
      detail:
        expiry.expiresAt === null ? (
          <Flag>Never expires</Flag>
        ) : expiry.expired ? (
          `Expired ${formatDate(expiry.expiresAt)}`
        ) : (
          formatDate(expiry.expiresAt)
        ),
    });
  if (rows.length === 0)
    return <p className="text-sm text-slate-700">This provider has no restrictions on its keys.</p>;
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map((row) => (
        <div key={row.term} className="contents">
          <dt className="font-medium text-slate-900">{row.term}</dt>
          <dd className="text-slate-700">{row.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

function Values({ values }: { values: readonly string[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5">
      {values.map((v) => (
        <li key={v} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900">
          {visibleText(v)}
        </li>
      ))}
    </ul>
  );
}
