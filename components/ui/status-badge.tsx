export function StatusBadge({ enabled }: { enabled: boolean }) {
  return enabled ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
      <span aria-hidden className="size-1.5 rounded-full bg-emerald-600" />
      Enabled
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300">
      <span aria-hidden className="size-1.5 rounded-full bg-slate-500" />
      Disabled
    </span>
  );
}
