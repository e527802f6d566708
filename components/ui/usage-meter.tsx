import { usageLevel } from "@/lib/keys/summary";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { formatCharacterLimit, formatNumber, formatPercent } from "@/lib/format";

const BAR = { none: "", ok: "bg-emerald-500", warning: "bg-amber-500", danger: "bg-red-600" } as const;

/** Monthly usage against the key's limit: warning from 80%, danger from 100%; a limit of 0 is "blocked". */
export function UsageMeter({ apiKey }: { apiKey: Pick<ApiKey, "characterLimit" | "characterCount"> }) {
  const used = apiKey.characterCount ?? 0;
  const { ratio, level } = usageLevel(apiKey);
  if (apiKey.characterLimit === null || ratio === null) {
    return <span className="text-sm text-slate-600">{formatNumber(used)} used · no limit</span>;
  }
  const blocked = apiKey.characterLimit === 0;
  const usedText = used > 0 ? ` · ${formatNumber(used)} used` : "";
  const text = blocked
    ? `${formatCharacterLimit(0)}: every request is refused${usedText}`
    : `${formatNumber(used)} of ${formatNumber(apiKey.characterLimit)} characters (${formatPercent(ratio)})`;
  return (
    <div className="min-w-40">
      <div
        role="meter"
        aria-label="Monthly usage"
        aria-valuemin={0}
        aria-valuemax={apiKey.characterLimit}
        aria-valuenow={Math.min(used, apiKey.characterLimit)}
        aria-valuetext={text}
        className="h-1.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${BAR[level]}`} style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
      <p
        className={`mt-1 text-xs ${level === "danger" ? "font-medium text-red-700" : level === "warning" ? "text-amber-800" : "text-slate-600"}`}
      >
        {blocked ? (
          `${formatCharacterLimit(0)}${usedText}`
        ) : (
          <>
            {formatNumber(used)} / {formatNumber(apiKey.characterLimit)}
            {level === "danger" ? " · limit reached" : level === "warning" ? " · near limit" : ""}
          </>
        )}
      </p>
    </div>
  );
}
