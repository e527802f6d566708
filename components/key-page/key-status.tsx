import { StatusBadge } from "@/components/ui/status-badge";
import { visibleText } from "@/lib/format";

/**
 * A key's state beside its name: enabled or disabled (with the upstream's reason), expired, or, where
 * the provider has no switch, that it is always on until rotated or deleted.
 */
export function KeyStatus({
  enabled,
  disableReason,
  expired = false,
  providerLabel,
}: {
  /** null: the provider has no on/off switch. */
  enabled: boolean | null;
  disableReason: string | null;
  expired?: boolean;
  providerLabel?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {expired ? (
        <span className="inline-flex items-center rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200">
          Expired
        </span>
      ) : enabled === null ? (
        <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800 ring-1 ring-slate-300">
          Always on
        </span>
      ) : (
        <StatusBadge enabled={enabled} />
      )}
      {enabled === false && disableReason ? (
        <span className="text-slate-700">{visibleText(disableReason.replaceAll("_", " "))}</span>
      ) : null}
      {enabled === null && !expired ? (
        <span className="text-slate-700">
          {providerLabel ? `${providerLabel} keys have` : "It has"} no on/off switch.
        </span>
      ) : null}
    </div>
  );
}
