"use client";

import { Button } from "@/components/ui/button";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { TwoFactorStatus } from "@/lib/auth/two-factor";
import { ApiRequestError, errorDetails } from "@/lib/http/client";
import {
  useConfirmEnrolment,
  useDisableTwoFactor,
  useReplaceRecoveryCodes,
  useStartEnrolment,
} from "@/lib/auth/queries";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
import { PasswordAndCodeForm } from "./password-and-code-form";

// Shown only once two-factor sign-in is on or the codes are replaced: not in the Account page's
// first load, fetched when the page is idle (components/ui/lazy-dialog.tsx).
const RecoveryCodes = lazyDialog(
  () => import("./recovery-codes"),
  (m) => m.RecoveryCodes,
);

type Step =
  | { name: "idle" }
  | { name: "password" }
  | { name: "scan"; totpURI: string; qr: string }
  | { name: "replace" }
  | { name: "codes"; backupCodes: string[]; replaced?: boolean };

function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiRequestError ? error.fields.find((f) => f.path[0] === name)?.message : undefined;
}
function formError(error: unknown, names: string[]): string | null {
  if (!error) return null;
  return names.some((n) => fieldError(error, n)) ? null : errorDetails(error);
}
const alertClass = "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900";

/** Two-factor sign-in: set it up (password → QR code → a code → recovery codes), replace the recovery codes, or turn it off. */
export function TwoFactorSection({
  status,
  recoveryCodesLeft,
}: {
  status: TwoFactorStatus;
  /** Unused recovery codes; null when two-factor sign-in is off. */
  recoveryCodesLeft: number | null;
}) {
  const router = useRouter();
  usePreloadDialogs(RecoveryCodes);
  const [step, setStep] = useState<Step>({ name: "idle" });
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const disable = useDisableTwoFactor();
  const replace = useReplaceRecoveryCodes();

  if (step.name === "codes") {
    return (
      <RecoveryCodes
        codes={step.backupCodes}
        announce={step.replaced ? "New recovery codes made: the old ones no longer work." : undefined}
        onDone={() => {
          setStep({ name: "idle" });
          router.refresh();
        }}
      />
    );
  }

  if (status.enabled) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          <span className="font-semibold text-emerald-800">On.</span> Signing in asks for a code from your
          authenticator app (or a recovery code) after your password.
        </p>
        <p className="text-sm text-slate-700">
          {recoveryCodesLeft === null
            ? null
            : `${recoveryCodesLeft} unused recovery ${recoveryCodesLeft === 1 ? "code" : "codes"} left.`}{" "}
          {step.name === "replace" ? null : (
            <button
              type="button"
              onClick={() => setStep({ name: "replace" })}
              className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
            >
              Replace recovery codes
            </button>
          )}
        </p>
        {step.name === "replace" ? (
          <PasswordAndCodeForm
            id="replace-codes"
            title="Replace recovery codes"
            submit="Make new codes"
            pendingLabel="Making…"
            variant="primary"
            pending={replace.isPending}
            error={replace.error}
            onSubmit={(input) =>
              replace.mutate(input, {
                onSuccess: (made) =>
                  setStep({ name: "codes", backupCodes: made.backupCodes, replaced: true }),
              })
            }
            onCancel={() => setStep({ name: "idle" })}
          />
        ) : null}
        {status.required ? (
          <p className="text-sm text-slate-700">
            Your role must use two-factor sign-in, so it cannot be turned off.
          </p>
        ) : (
          <PasswordAndCodeForm
            id="disable"
            title="Turn two-factor sign-in off"
            submit="Turn off"
            pendingLabel="Turning off…"
            variant="danger"
            pending={disable.isPending}
            error={disable.error}
            onSubmit={(input) => disable.mutate(input, { onSuccess: () => router.refresh() })}
          />
        )}
      </div>
    );
  }

  if (step.name === "idle" || step.name === "replace") {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-700">
          <span className="font-semibold">Off.</span> With it on, signing in also asks for a code from an
          authenticator app (such as 1Password, Google Authenticator or Authy).
        </p>
        <Button type="button" onClick={() => setStep({ name: "password" })} variant="primary">
          Set up two-factor sign-in
        </Button>
      </div>
    );
  }

  if (step.name === "password") {
    return (
      <form
        noValidate
        className="max-w-sm space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate(password, {
            onSuccess: (made) => {
              setPassword("");
              setStep({ name: "scan", totpURI: made.totpURI, qr: made.qr });
            },
          });
        }}
      >
        <FormField
          id="enrol-password"
          label="Your password"
          hint="To make sure it is you setting this up."
          error={fieldError(start.error, "password")}
        >
          {(d) => (
            <input
              id="enrol-password"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={fieldError(start.error, "password") ? true : undefined}
              aria-describedby={d}
              className={inputClass}
            />
          )}
        </FormField>
        {formError(start.error, ["password"]) ? (
          <p role="alert" className={alertClass}>
            {formError(start.error, ["password"])}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={start.isPending} variant="primary">
            {start.isPending ? "Checking…" : "Continue"}
          </Button>
          <Button type="button" onClick={() => setStep({ name: "idle" })} variant="secondary">
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate(code.trim(), {
          onSuccess: (done) => {
            setCode("");
            setStep({ name: "codes", backupCodes: done.backupCodes });
          },
        });
      }}
    >
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>Scan this QR code with your authenticator app, or enter the setup key below by hand.</li>
        <li>Type the 6-digit code the app shows to finish.</li>
      </ol>
      {/* An SVG data URL: allowed by the page's img-src 'self' data:, and made on Keydesk's server. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={step.qr}
        alt="QR code for your authenticator app"
        width={200}
        height={200}
        className="rounded border border-slate-200"
      />
      <div>
        <p className="text-sm font-medium">Setup key (otpauth URI)</p>
        <code
          data-testid="otpauth-uri"
          className="mt-1 block rounded bg-slate-100 px-2 py-1 font-mono text-xs break-all text-slate-800"
        >
          {step.totpURI}
        </code>
      </div>
      <div className="max-w-sm space-y-3">
        <FormField id="enrol-code" label="Code from the app" error={fieldError(confirm.error, "code")}>
          {(d) => (
            <input
              id="enrol-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={fieldError(confirm.error, "code") ? true : undefined}
              aria-describedby={d}
              className={inputClass}
            />
          )}
        </FormField>
        {formError(confirm.error, ["code"]) ? (
          <p role="alert" className={alertClass}>
            {formError(confirm.error, ["code"])}
          </p>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={confirm.isPending} variant="primary">
            {confirm.isPending ? "Checking…" : "Turn on"}
          </Button>
          <Button type="button" onClick={() => setStep({ name: "idle" })} variant="secondary">
            Cancel
          </Button>
        </div>
      </div>
    </form>
  );
}
