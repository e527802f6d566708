export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading the key…</span>
      <div aria-hidden className="h-4 w-72 animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-48 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div aria-hidden className="h-32 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
