"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { ApiRequestError, errorDetails } from "@/lib/http/client";

function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiRequestError ? error.fields.find((f) => f.path[0] === name)?.message : undefined;
}

/**
 * The password and a second factor (a code from the app, or a recovery code), for the account's
 * own dangerous steps: turning two-factor sign-in off, replacing the recovery codes.
 */
export function PasswordAndCodeForm({
  id,
  title,
  submit,
  pendingLabel,
  variant,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  title: string;
  submit: string;
  pendingLabel: string;
  variant: "primary" | "danger";
  pending: boolean;
  error: unknown;
  onSubmit: (input: { password: string; code: string }) => void;
  onCancel?: () => void;
}) {
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const passwordError = fieldError(error, "password");
  const codeError = fieldError(error, "code");
  const formError = error && !passwordError && !codeError ? errorDetails(error) : null;
  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="max-w-sm space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ password, code: code.trim() });
      }}
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {title}
      </h3>
      <FormField id={`${id}-password`} label="Password" error={passwordError}>
        {(d) => (
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={d}
            className={inputClass}
          />
        )}
      </FormField>
      <FormField
        id={`${id}-code`}
        label="Authentication code"
        hint="6 digits from your app, or a recovery code."
        error={codeError}
      >
        {(d) => (
          <input
            id={`${id}-code`}
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={d}
            className={inputClass}
          />
        )}
      </FormField>
      {formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {formError}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} variant={variant}>
          {pending ? pendingLabel : submit}
        </Button>
        {onCancel ? (
          <Button type="button" onClick={onCancel} variant="secondary">
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
