"use client";
// A part of a page whose code is not in the page's first load: the page's shell (header,
// navigation, the "/" shortcut) works with less, and the part's code is asked for as soon as that
// first script runs. The server still renders the part itself, so the HTML is the same as before,
// and the browser keeps that HTML on screen until the part's code has come, then takes it over
// (React hydrates a suspended part later without replacing what the server sent): nothing
// flashes or moves at load. Two kinds of part use it:
// - parts that show only a loading state until the browser has read their data (the inventory
//   and the overview): their code comes alongside that read, which the page's
//   <link rel="preload"> has already started;
// - parts the server renders with their data (lists, forms): they are on screen at once and
//   become interactive when their code has come, one request after the page's own scripts. Their
//   forms are method="post", so one submitted before then does not put its fields in a URL.
// On a move between pages in the browser, `fallback` shows while the code comes: the part's own
// loading state, or the route's loading screen (part-loading.tsx), so there is one stand-in.
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
