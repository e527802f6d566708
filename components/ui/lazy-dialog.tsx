"use client";
// Dialogs are not in a page's first load: their code (forms, react-hook-form, the shared schemas)
// comes when the page is idle after it has loaded, or when a dialog is first opened, whichever is
// first. Opening one before its code has arrived shows "Opening…" (announced to screen readers)
// for the moment it takes.
import { lazy, Suspense, useEffect, type ComponentType } from "react";
import { DialogOpening } from "./dialog-opening";

export interface LazyDialog<P> {
  (props: P): React.ReactElement;
  /** Start fetching the dialog's code now (again is free: the module is fetched once). */
  preload(): void;
}

/** `load` is the dynamic import (`() => import("./x")`), `pick` the component in that module. */
export function lazyDialog<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): LazyDialog<P> {
  const Lazy = lazy(() => load().then((module) => ({ default: pick(module) })));
  const Dialog = (props: P) => (
    <Suspense fallback={<DialogOpening />}>
      <Lazy {...props} />
    </Suspense>
  );
  Dialog.preload = () => void load().catch(() => undefined);
  return Dialog;
}

/** Fetches these dialogs' code once the page is idle, so opening one is as quick as before. */
export function usePreloadDialogs(...dialogs: { preload(): void }[]): void {
  useEffect(() => {
    const preload = () => dialogs.forEach((d) => d.preload());
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(preload, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(preload, 200);
    return () => window.clearTimeout(id);
    // The dialogs are module-level constants: once per page is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
