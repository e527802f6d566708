"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { ApiRequestError, apiJson, applyFieldErrors, errorMessage } from "@/lib/http/client";
import type { SetPasswordInput } from "@/lib/users/schema";
import { lazySchema, usePlainForm } from "@/components/ui/plain-form";

// The schema (and zod) are not in the page's first load (components/ui/plain-form.ts).
const setPasswordSchema = lazySchema(() => import("@/lib/users/schema").then((m) => m.setPasswordSchema));

/** Chooses a password with a one-time link, then sends the person to sign in with it. */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = usePlainForm<SetPasswordInput, SetPasswordInput>({
    schema: setPasswordSchema,
    defaultValues: { password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setServerError(null);
    try {
      await apiJson("/api/invites/accept", { method: "POST", body: { token, password } });
      setDone(true);
    } catch (error) {
      if (error instanceof ApiRequestError && applyFieldErrors(error, ["password"] as const, form.setError))
        return;
      setServerError(errorMessage(error));
    }
  });

  if (done) {
    return (
      <div
        role="status"
        className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900"
      >
        <p>Your password is set. Sign in with {email} and your new password.</p>
        <p>
          {/* A plain link: sign-in is a page load of its own anyway, and next/link would be the only
              code in this page's first load that needs it. */}
          <a href="/sign-in" className="font-medium underline">
            Sign in
          </a>
        </p>
      </div>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-describedby={serverError ? "invite-error" : undefined}
    >
      <p className="text-sm text-slate-700">
        For <span className="font-mono">{email}</span>. This link works once.
      </p>
      {/* The account's email, for password managers to store with the new password. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField
        id="invite-password"
        label="New password"
        hint="At least 12 characters, not a common one, not containing your email."
        error={errors.password?.message}
      >
        {(describedBy) => (
          <input
            id="invite-password"
            type="password"
            autoComplete="new-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
            {...form.register("password")}
          />
        )}
      </FormField>
      <FormField id="invite-confirm" label="The same password again" error={errors.confirm?.message}>
        {(describedBy) => (
          <input
            id="invite-confirm"
            type="password"
            autoComplete="new-password"
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
            {...form.register("confirm")}
          />
        )}
      </FormField>
      {serverError ? (
        <p
          id="invite-error"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {serverError}
        </p>
      ) : null}
      <Button type="submit" disabled={isSubmitting} variant="primary" className="w-full">
        {isSubmitting ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
