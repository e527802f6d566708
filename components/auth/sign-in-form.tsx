"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { SignInInput } from "@/lib/auth/sign-in-schema";
import { lazySchema, usePlainForm } from "@/components/ui/plain-form";

// The schema (and zod) are not in the page's first load (components/ui/plain-form.ts).
const signInSchema = lazySchema(() => import("@/lib/auth/sign-in-schema").then((m) => m.signInSchema));
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";

// Only people with two-factor sign-in see the second step: its code is fetched when the page is
// idle, not in the first load (components/ui/lazy-dialog.tsx).
const SecondFactorStep = lazyDialog(
  () => import("./second-factor-step"),
  (m) => m.SecondFactorStep,
);

export interface DemoAccount {
  email: string;
  role: string;
}

/** `next`: a same-site path, already checked by the page (lib/http/next-path.ts). */
export function SignInForm({
  demoAccounts,
  demoPassword,
  next = "/",
}: {
  demoAccounts: DemoAccount[];
  demoPassword: string | null;
  next?: string;
}) {
  usePreloadDialogs(SecondFactorStep);
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = usePlainForm<SignInInput, SignInInput>({
    schema: signInSchema,
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  // Two-factor sign-in on: after the password, the code (second-factor-step.tsx).
  const [secondFactor, setSecondFactor] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(values),
      });
      if (res.ok) {
        if (
          (
            (await res
              .clone()
              .json()
              .catch(() => null)) as { twoFactorRequired?: boolean } | null
          )?.twoFactorRequired
        ) {
          setSecondFactor(true);
          return;
        }
        router.replace(next);
        router.refresh();
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setServerError(body?.error?.message ?? `Sign-in failed (HTTP ${res.status}).`);
    } catch {
      setServerError("Keydesk could not be reached. Check your connection and try again.");
    }
  });

  const fill = (email: string) => {
    form.setValue("email", email, { shouldValidate: true });
    if (demoPassword) form.setValue("password", demoPassword, { shouldValidate: true });
  };

  if (secondFactor) {
    return (
      <SecondFactorStep
        onRestart={() => {
          setSecondFactor(false);
          form.setValue("password", "");
        }}
      />
    );
  }

  return (
    <div className="space-y-6">
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        aria-describedby={serverError ? "sign-in-error" : undefined}
      >
        {(
          [
            { name: "email", label: "Email", type: "email", autoComplete: "username" },
            { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
          ] as const
        ).map((field) => (
          <FormField key={field.name} id={field.name} label={field.label} error={errors[field.name]?.message}>
            {(describedBy) => (
              <input
                id={field.name}
                type={field.type}
                autoComplete={field.autoComplete}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={describedBy}
                className={inputClass}
                {...form.register(field.name)}
              />
            )}
          </FormField>
        ))}
        {serverError ? (
          <p
            id="sign-in-error"
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
          >
            {serverError}
          </p>
        ) : null}
        <Button type="submit" disabled={isSubmitting} variant="primary" className="w-full">
          {isSubmitting ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {demoAccounts.length > 0 ? (
        <section
          aria-labelledby="demo-accounts"
          className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm"
        >
          <h2 id="demo-accounts" className="font-semibold text-amber-950">
            Demo accounts
          </h2>
          <p className="mt-1 text-amber-950">
            Password for all: <code className="font-mono">{demoPassword}</code>
          </p>
          <ul className="mt-2 space-y-1">
            {demoAccounts.map((account) => (
              <li key={account.email} className="flex items-center justify-between gap-2">
                <span>
                  <code className="font-mono">{account.email}</code>{" "}
                  <span className="text-amber-900">({account.role})</span>
                </span>
                <button
                  type="button"
                  onClick={() => fill(account.email)}
                  className="rounded border border-amber-300 bg-white px-2 py-0.5 text-xs font-medium text-amber-950 hover:bg-amber-100"
                >
                  Use<span className="sr-only"> {account.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
