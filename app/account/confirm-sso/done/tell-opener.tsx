"use client";

import { Link } from "@/components/ui/link";
import { useEffect } from "react";
import { SSO_STEP_UP_MESSAGE, tellStepUpDialog } from "@/components/auth/sso-step-up-message";

/** Tells the step-up dialog (Keydesk's own origin only) how the sign-in went, then closes. */
export function TellOpener({ error }: { error: string | null }) {
  useEffect(() => {
    tellStepUpDialog(
      error ? { type: SSO_STEP_UP_MESSAGE, ok: false, error } : { type: SSO_STEP_UP_MESSAGE, ok: true },
    );
    if (!error) window.close();
  }, [error]);
  if (error)
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
        The sign-in did not go through. Close this window and try again.
      </p>
    );
  return (
    <p className="text-sm text-slate-600">
      Signed in. You can close this window and go back to{" "}
      <Link href="/" className="underline">
        Keydesk
      </Link>
      .
    </p>
  );
}
