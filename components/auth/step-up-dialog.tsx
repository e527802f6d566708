"use client";

import { Button } from "@/components/ui/button";
import { useCallback, useEffect, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { ApiRequestError, apiJson, errorDetails } from "@/lib/http/client";
import { listenForStepUpPopup } from "./sso-step-up-message";

interface StepUpStatus {
  userId: string;
  recent: boolean;
  twoFactorEnabled: boolean;
  withPassword: boolean;
  sso: { name: string } | null;
}

const readStatus = () => apiJson<{ stepUp: StepUpStatus }>("/api/account/step-up").then((r) => r.stepUp);

/** The "confirm it's you" dialog StepUpHost (step-up-host.tsx) opens. */
export function StepUpDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const [status, setStatus] = useState<StepUpStatus | null>(null);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [ssoWaiting, setSsoWaiting] = useState(false);
  const popup = useRef<Window | null>(null);
  const twoFactor = status ? status.twoFactorEnabled : null;

  useEffect(() => {
    let live = true;
    readStatus()
      .then((s) => live && setStatus(s))
      .catch(
        () =>
          live &&
          setStatus({ userId: "", recent: false, twoFactorEnabled: false, withPassword: true, sso: null }),
      );
    return () => {
      live = false;
    };
  }, []);

  // The popup said it is done: the server says whether the session is now recent, and whose it is.
  const settleSso = useCallback(
    async (failed: boolean) => {
      if (!popup.current) return;
      popup.current = null;
      setSsoWaiting(false);
      const name = status?.sso?.name ?? "your provider";
      try {
        const now = await readStatus();
        if (status && now.userId !== status.userId) {
          return setErrors({
            form: `You signed in at ${name} as someone else, and this browser is now signed in as them. Reload the page to carry on as that person.`,
          });
        }
        if (now.recent) return onDone(true);
      } catch {
        return setErrors({ form: "Keydesk could not be reached to check the sign-in. Try again." });
      }
      setErrors({
        form: failed
          ? `${name} did not confirm it's you. Try again.`
          : "The sign-in did not make this session recent. Try again.",
      });
    },
    [status, onDone],
  );

  useEffect(() => {
    if (!ssoWaiting) return;
    return listenForStepUpPopup((note) => void settleSso(!note.ok));
  }, [ssoWaiting, settleSso]);

  const confirmWithSso = () => {
    setErrors({});
    const opened = window.open("/account/confirm-sso", "keydesk-confirm-sso", "popup,width=520,height=680");
    if (!opened)
      return setErrors({
        form: "Your browser blocked the sign-in window. Allow pop-ups for Keydesk, then try again.",
      });
    // Whether it is closed cannot be told once it has been to the provider (see sso-step-up-message.ts):
    // while waiting, the button opens it again.
    popup.current = opened;
    setSsoWaiting(true);
  };

  const submit = async () => {
    const missing = {
      password: password ? undefined : "Enter your password.",
      code: twoFactor && !code.trim() ? "Enter the code from your authenticator app." : undefined,
    };
    if (missing.password || missing.code) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      await apiJson("/api/account/step-up", {
        method: "POST",
        body: { password, ...(twoFactor ? { code: code.trim() } : {}) },
      });
      onDone(true);
    } catch (error) {
      const fields = error instanceof ApiRequestError ? error.fields : [];
      const on = (name: string) => fields.find((f) => f.path[0] === name)?.message;
      setErrors(
        on("password") || on("code")
          ? { password: on("password"), code: on("code") }
          : { form: errorDetails(error) },
      );
      setBusy(false);
    }
  };

  const withPassword = status?.withPassword !== false;
  const sso = status?.sso ?? null;
  const description = withPassword
    ? `This action needs a recent sign-in. Enter your password${twoFactor ? " and a code from your authenticator app" : ""}${sso ? `, or confirm with ${sso.name}` : ""}, and it goes ahead.`
    : sso
      ? `This action needs a recent sign-in. Sign in again with ${sso.name} in the window that opens, and it goes ahead.`
      : "This action needs a recent sign-in. Sign out and sign in again, then repeat it.";
  const formError = errors.form ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {errors.form}
    </p>
  ) : null;
  const ssoButton = sso ? (
    <Button
      type="button"
      onClick={confirmWithSso}
      disabled={busy}
      variant={withPassword ? "secondary" : "primary"}
    >
      {ssoWaiting ? "Open the sign-in window again" : `Confirm with ${sso.name}`}
    </Button>
  ) : null;
  const ssoHint =
    ssoWaiting && sso ? (
      <p role="status" className="text-sm text-slate-700">
        Finish signing in with {sso.name} in the window that opened. Closed it, or cannot find it? Open it
        again.
      </p>
    ) : null;

  return (
    <Dialog open onClose={() => !busy && onDone(false)} title="Confirm it's you" description={description}>
      {withPassword ? (
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <FormField id="step-up-password" label="Password" error={errors.password}>
            {(describedBy) => (
              <input
                id="step-up-password"
                type="password"
                autoComplete="current-password"
                autoFocus
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={describedBy}
                className={inputClass}
              />
            )}
          </FormField>
          {twoFactor ? (
            <FormField
              id="step-up-code"
              label="Authentication code"
              hint="6 digits from your app, or a recovery code."
              error={errors.code}
            >
              {(describedBy) => (
                <input
                  id="step-up-code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  aria-invalid={errors.code ? true : undefined}
                  aria-describedby={describedBy}
                  className={inputClass}
                />
              )}
            </FormField>
          ) : null}
          {formError}
          {ssoHint}
          <div className="flex flex-wrap justify-end gap-2">
            {ssoButton}
            <Button type="button" onClick={() => onDone(false)} disabled={busy} variant="secondary">
              Cancel
            </Button>
            <Button type="submit" disabled={busy || twoFactor === null} variant="primary">
              {busy ? "Checking…" : "Confirm and continue"}
            </Button>
          </div>
        </form>
      ) : (
        <div className="space-y-4">
          {formError}
          {ssoHint}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" onClick={() => onDone(false)} variant="secondary">
              Cancel
            </Button>
            {ssoButton}
          </div>
        </div>
      )}
    </Dialog>
  );
}
