// The console's own loading screen talks about service accounts; this page has its own words.
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading the key search…</span>
      <div aria-hidden className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
