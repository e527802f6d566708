"use client";
// A part of a page whose code is not in the page's first load, for parts that show nothing of
// their own until the browser has read their data (the inventory and the overview read every key
// in the browser). Its code is fetched as soon as the page's own script runs, alongside that read
// (which the page's <link rel="preload"> has already started), instead of before the page can
// work at all. The server still renders the part itself, so the HTML is the same as before; the
// browser keeps that HTML on screen until the code has arrived and then takes it over (React
// hydrates a suspended part later without replacing what the server sent). On a move between
// pages in the browser, `fallback` shows for that moment: it is the part's own loading state,
// so nothing moves when the part appears.
// Not for a part a person can use as soon as it shows (a list with links and buttons, a form):
// until its code has come, a click on it would be lost or a link would load a whole page, and
// that wait is one request longer than the page's own (keys-console.spec.ts caught exactly that).
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";

/**
 * `load` is the dynamic import (`() => import("./x")`), `pick` the component in that module,
 * `fallback` what the part itself shows while its data is being read.
 */
export function lazyIsland<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  fallback: ReactNode,
): ComponentType<P> {
  let loading: Promise<M> | null = null;
  const start = () => (loading ??= load());
  const Lazy = lazy(() => start().then((module) => ({ default: pick(module) })));
  // In the browser the code is asked for when this module runs (the page's first script), not at
  // the first render: both are early, but this does not wait for hydration to reach the part.
  if (typeof window !== "undefined") start().catch(() => (loading = null));
  const Island = (props: P) => (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
  return Island;
}
