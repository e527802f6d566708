"use client";

import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { FormField, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form-field";
import { ApiRequestError, apiJson, errorDetails } from "@/lib/queries/api";
import { registerStepUpPrompter } from "@/lib/queries/step-up";

/**
 * Mounted once in the console: the "confirm it's you" dialog that apiJson opens when a dangerous
 * action needs a recent sign-in. It sits over whatever dialog started the action, which keeps what
 * the person typed; once they re-verify, the action goes ahead by itself.
 */
export function StepUpHost() {
  const [waiting, setWaiting] = useState<((ok: boolean) => void) | null>(null);
  useEffect(() => registerStepUpPrompter(() => new Promise<boolean>((resolve) => setWaiting(() => resolve))), []);
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

function StepUpDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const [twoFactor, setTwoFactor] = useState<boolean | null>(null);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    apiJson<{ stepUp: { twoFactorEnabled: boolean } }>("/api/account/step-up")
      .then((r) => live && setTwoFactor(r.stepUp.twoFactorEnabled))
      .catch(() => live && setTwoFactor(false));
    return () => {
      live = false;
    };
  }, []);

  const submit = async () => {
    const missing = { password: password ? undefined : "Enter your password.", code: twoFactor && !code.trim() ? "Enter the code from your authenticator app." : undefined };
    if (missing.password || missing.code) return setErrors(missing);
    setBusy(true);
    setErrors({});
    try {
      await apiJson("/api/account/step-up", { method: "POST", body: { password, ...(twoFactor ? { code: code.trim() } : {}) } });
      onDone(true);
    } catch (error) {
      const fields = error instanceof ApiRequestError ? error.fields : [];
      const on = (name: string) => fields.find((f) => f.path[0] === name)?.message;
      setErrors(on("password") || on("code") ? { password: on("password"), code: on("code") } : { form: errorDetails(error) });
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={() => !busy && onDone(false)}
      title="Confirm it's you"
      description={`This action needs a recent sign-in. Enter your password${twoFactor ? " and a code from your authenticator app" : ""}, and it goes ahead.`}
    >
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
          <FormField id="step-up-code" label="Authentication code" hint="6 digits from your app, or a recovery code." error={errors.code}>
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
        {errors.form ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{errors.form}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => onDone(false)} disabled={busy} className={secondaryButtonClass}>Cancel</button>
          <button type="submit" disabled={busy || twoFactor === null} className={primaryButtonClass}>{busy ? "Checking…" : "Confirm and continue"}</button>
        </div>
      </form>
    </Dialog>
  );
}
