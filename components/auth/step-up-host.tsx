"use client";

import { useEffect, useState } from "react";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
import { registerStepUpPrompter } from "@/lib/http/step-up-prompt";

// The dialog's code is not in the first load of every console page (components/ui/lazy-dialog.tsx).
const StepUpDialog = lazyDialog(
  () => import("./step-up-dialog"),
  (m) => m.StepUpDialog,
);

/**
 * Mounted once in the console: the "confirm it's you" dialog that apiJson opens when a dangerous
 * action needs a recent sign-in. It sits over whatever dialog started the action, which keeps what
 * the person typed; once they re-verify, the action goes ahead by itself. A person with no password
 * (single sign-on) confirms through the provider in a popup instead (lib/auth/step-up-sso.ts).
 */
export function StepUpHost() {
  const [waiting, setWaiting] = useState<((ok: boolean) => void) | null>(null);
  usePreloadDialogs(StepUpDialog);
  useEffect(
    () => registerStepUpPrompter(() => new Promise<boolean>((resolve) => setWaiting(() => resolve))),
    [],
  );
  if (!waiting) return null;
  return (
    <StepUpDialog
      onDone={(ok) => {
        waiting(ok);
        setWaiting(null);
      }}
    />
  );
}
