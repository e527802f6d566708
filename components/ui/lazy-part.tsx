"use client";
// A part of a page whose code loads the first time the part renders: for parts most visits never
// show (a rotation's timetable, a reminder of unfinished rotations, people waiting for a role), so
// the pages that do not show them never fetch their code. Where one shows, the server renders it
// as usual and the browser fetches its code when it reaches the part; meanwhile the server's HTML
// stays (on a move between pages in the browser, `fallback` shows for that moment). A part with
// controls keeps them disabled until its code runs (components/ui/use-hydrated.ts). Parts every
// visit shows and that show nothing until their data comes: components/ui/lazy-island.tsx.
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";

/** `load` is the dynamic import (`() => import("./x")`), `pick` the component in that module. */
export function lazyPart<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  fallback: ReactNode = null,
): ComponentType<P> {
  const Lazy = lazy(() => load().then((module) => ({ default: pick(module) })));
  const Part = (props: P) => (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
  return Part;
}
