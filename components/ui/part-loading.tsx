/**
 * A part of a page still loading: grey boxes the size of what comes, and words for screen readers.
 * The routes' loading screens and the lazy parts' stand-ins (lazy-island.tsx) use it alike, so a
 * move between pages shows one stand-in that the part then replaces, not two different ones.
 */
export function PartLoading({
  label,
  boxes,
}: {
  label: string;
  /** Each box's height (Tailwind classes written out in full, so the build keeps them). */
  boxes: readonly ("h-24" | "h-32" | "h-48" | "h-64")[];
}) {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{label}</span>
      {boxes.map((height, i) => (
        <div
          key={i}
          aria-hidden
          className={`${height} animate-pulse rounded-lg border border-slate-200 bg-white`}
        />
      ))}
    </div>
  );
}
