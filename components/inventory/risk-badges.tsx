// A key's risk flags as short badges. The hover text explains each; the legend on the page says
// the same for keyboard and screen-reader users, who do not get hover text.
import { RISK_FLAG_INFO } from "@/lib/inventory/risk";
import type { RiskFlag } from "@/lib/inventory/types";

const TONE: Record<RiskFlag, string> = {
  unrestricted: "border-red-300 bg-red-50 text-red-900",
  privileged: "border-red-300 bg-red-50 text-red-900",
  no_allowlist: "border-amber-300 bg-amber-50 text-amber-950",
  no_limit: "border-amber-300 bg-amber-50 text-amber-950",
  near_limit: "border-amber-300 bg-amber-50 text-amber-950",
  disabled: "border-slate-300 bg-slate-100 text-slate-800",
  rotating: "border-sky-300 bg-sky-50 text-sky-900",
  unseen: "border-violet-300 bg-violet-50 text-violet-900",
  private_key: "border-red-300 bg-red-50 text-red-900",
  any_origin: "border-amber-300 bg-amber-50 text-amber-950",
  all_assistants: "border-amber-300 bg-amber-50 text-amber-950",
  no_expiry: "border-amber-300 bg-amber-50 text-amber-950",
  expired: "border-slate-300 bg-slate-100 text-slate-800",
  stale: "border-slate-300 bg-slate-100 text-slate-800",
  no_use_this_month: "border-slate-300 bg-slate-100 text-slate-800",
};

/** At most `max` badges on one line (rows in the inventory have one height); the rest as "+N". */
export function RiskBadges({ flags, max = flags.length }: { flags: readonly RiskFlag[]; max?: number }) {
  if (flags.length === 0) return <span className="text-xs text-slate-600">None</span>;
  const shown = flags.length > max ? flags.slice(0, max - 1) : flags;
  const rest = flags.slice(shown.length);
  return (
    <ul className="flex gap-1 overflow-hidden" aria-label="Risk flags">
      {shown.map((flag) => (
        <li
          key={flag}
          title={RISK_FLAG_INFO[flag].explanation}
          className={`rounded border px-1.5 py-0.5 text-xs whitespace-nowrap ${TONE[flag]}`}
        >
          {RISK_FLAG_INFO[flag].label}
        </li>
      ))}
      {rest.length > 0 ? (
        <li
          title={rest
            .map((flag) => `${RISK_FLAG_INFO[flag].label}: ${RISK_FLAG_INFO[flag].explanation}`)
            .join("\n")}
          className="rounded border border-slate-300 px-1.5 py-0.5 text-xs whitespace-nowrap text-slate-700"
        >
          <span aria-hidden="true">+{rest.length}</span>
          <span className="sr-only">{rest.map((flag) => RISK_FLAG_INFO[flag].label).join(", ")}</span>
        </li>
      ) : null}
    </ul>
  );
}

export function RiskLegend() {
  return (
    <details className="text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-800">What the risk flags mean</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {Object.entries(RISK_FLAG_INFO).map(([flag, info]) => (
          <div key={flag} className="contents">
            <dt className="font-medium">{info.label}</dt>
            <dd>{info.explanation}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
