"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";

/**
 * The sign-in's second step, for people with two-factor sign-in on: the code from their app, or one
 * of their recovery codes. The password step has already been checked (better-auth holds it in a
 * short-lived cookie); a wrong code can be retried a few times before the password is asked again.
 */
export function SecondFactorStep({ onRestart }: { onRestart: () => void }) {
  const router = useRouter();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<{ text: string; restart: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!code.trim())
      return setError({
        text: recovery
          ? "Enter one of your recovery codes."
          : "Enter the 6-digit code from your authenticator app.",
        restart: false,
      });
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(
        recovery ? "/api/auth/two-factor/verify-backup-code" : "/api/auth/two-factor/verify-totp",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: code.trim() }),
        },
      );
      if (res.ok) {
        router.replace("/");
        router.refresh();
        return;
      }
      const body = (await res.json().catch(() => null)) as {
        error?: { code?: string; message?: string; fields?: { message: string }[] };
      } | null;
      const restart = body?.error?.code === "unauthenticated";
      setError({
        text:
          body?.error?.fields?.[0]?.message ?? body?.error?.message ?? `Sign-in failed (HTTP ${res.status}).`,
        restart,
      });
    } catch {
      setError({
        text: "Keydesk could not be reached. Check your connection and try again.",
        restart: false,
      });
    }
    setBusy(false);
  };

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-slate-700">
        {recovery
          ? "Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once."
          : "Enter the 6-digit code your authenticator app shows for Keydesk."}
      </p>
      <FormField
        id="second-factor-code"
        label={recovery ? "Recovery code" : "Authentication code"}
        error={error && !error.restart ? error.text : undefined}
      >
        {(describedBy) => (
          <input
            id="second-factor-code"
            autoFocus
            inputMode={recovery ? "text" : "numeric"}
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={error && !error.restart ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
          />
        )}
      </FormField>
      {error?.restart ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error.text}
        </p>
      ) : null}
      <Button type="submit" disabled={busy} variant="primary" className="w-full">
        {busy ? "Checking…" : "Verify and sign in"}
      </Button>
      <div className="flex justify-between text-sm">
        <Button
          type="button"
          variant="link"
          size="inline"
          onClick={() => {
            setRecovery(!recovery);
            setCode("");
            setError(null);
          }}
        >
          {recovery ? "Use a code from the app" : "Use a recovery code"}
        </Button>
        <button type="button" className="font-medium text-slate-700 underline" onClick={onRestart}>
          Start again
        </button>
      </div>
    </form>
  );
}
