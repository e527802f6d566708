"use client";
// Where toasts appear (components/ui/notify.ts): sonner's <Toaster/>, a polite live region, put in
// the page once the page is idle (so it is there before the first toast and screen readers hear
// it) or at once when a toast is sent before then. Its code is not in the page's first load.
import { lazy, Suspense, useEffect, useState } from "react";
import { onToastWanted } from "./notify";

const Toaster = lazy(() => import("./toaster").then((module) => ({ default: module.Toaster })));

export function ToastHost() {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    const want = () => setWanted(true);
    const unsubscribe = onToastWanted(want);
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(want, { timeout: 3000 });
      return () => {
        unsubscribe();
        window.cancelIdleCallback(id);
      };
    }
    const id = window.setTimeout(want, 500);
    return () => {
      unsubscribe();
      window.clearTimeout(id);
    };
  }, []);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Toaster />
    </Suspense>
  );
}
