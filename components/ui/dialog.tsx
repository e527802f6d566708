"use client";
// The console's one modal dialog. Its props are the ones every dialog has always used; inside, it
// is Radix's dialog (components/ui/dialog-sheet.tsx): focus trapped, Escape closes through
// onClose, focus back on the opener, title and description wired to the dialog, a full-screen
// sheet on phones. That code is not in any page's first load: this module asks for it as soon as
// it runs in the browser, which is when a lazily loaded dialog's own code arrives (on idle, see
// lazy-dialog.tsx) or, for the few pages that import a dialog directly, just after their first
// script. A dialog opened before then shows "Opening…" for that moment.
import { lazy, Suspense } from "react";
import { DialogOpening } from "./dialog-opening";
import type { DialogProps } from "./dialog-props";

export type { DialogProps };

let loading: Promise<typeof import("./dialog-sheet")> | null = null;
const load = () => (loading ??= import("./dialog-sheet"));
const DialogSheet = lazy(() => load().then((module) => ({ default: module.DialogSheet })));
if (typeof window !== "undefined") load().catch(() => (loading = null));

export function Dialog(props: DialogProps) {
  // Closed, a dialog is nothing at all, so a closed one never waits for its code.
  if (!props.open) return null;
  return (
    <Suspense fallback={<DialogOpening />}>
      <DialogSheet {...props} />
    </Suspense>
  );
}
