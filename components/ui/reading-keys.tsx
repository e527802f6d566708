/**
 * What the inventory and the overview show while the browser reads every key: rendered by each
 * part itself and, while its code arrives, by its lazy loader (components/ui/lazy-island.tsx), so
 * the two are the same box and nothing moves between them.
 */
export function ReadingKeys({ height }: { height: "h-40" | "h-64" }) {
  return (
    <p
      role="status"
      className={`${height} animate-pulse rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600`}
    >
      Reading every key from ElevenLabs…
    </p>
  );
}
