"use client";

import { useEffect, useRef, useState } from "react";
import { SSO_STEP_UP_MESSAGE, tellStepUpDialog } from "@/components/auth/sso-step-up-message";

/** Starts the provider's sign-in with a return to /account/confirm-sso/done (lib/auth/step-up-sso.ts). */
export function StartSsoConfirmation() {
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const fail = (message: string) => {
      setError(message);
      tellStepUpDialog({ type: SSO_STEP_UP_MESSAGE, ok: false, error: "not_started" });
    };
    fetch("/api/auth/sign-in/social", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ purpose: "step-up" }),
    })
      .then(async (res) => {
        const body = (await res.json().catch(() => null)) as {
          url?: string;
          error?: { message?: string };
        } | null;
        if (res.ok && body?.url) window.location.assign(body.url);
        else fail(body?.error?.message ?? `Single sign-on could not start (HTTP ${res.status}).`);
      })
      .catch(() => fail("Keydesk could not be reached. Check your connection and try again."));
  }, []);
  if (error)
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
        {error}
      </p>
    );
  return <p className="text-sm text-slate-600">Going to your sign-in provider…</p>;
}
