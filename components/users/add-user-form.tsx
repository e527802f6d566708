"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { ROLE_LABELS, ROLES } from "@/lib/roles";
import { applyFieldErrors, errorMessage } from "@/lib/http/client";
import { useCreateUser, type UserWithLink } from "@/lib/users/queries";
import type { NewUserInput } from "@/lib/users/schema";
import { lazySchema, usePlainForm } from "@/components/ui/plain-form";

// The schema (and zod) are not in the page's first load (components/ui/plain-form.ts).
const newUserSchema = lazySchema(() => import("@/lib/users/schema").then((m) => m.newUserSchema));

const FIELDS = ["email", "name", "role"] as const;
const EMPTY: NewUserInput = { email: "", name: "", role: "reviewer" };

/**
 * Adds a user, who then sets their own password with the one-time link the admin is shown.
 * On failure everything typed stays, with the server's reasons on their fields.
 */
export function AddUserForm({ onAdded }: { onAdded: (result: UserWithLink) => void }) {
  const create = useCreateUser();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = usePlainForm<NewUserInput, NewUserInput>({ schema: newUserSchema, defaultValues: EMPTY });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const result = await create.mutateAsync(values);
      form.reset(EMPTY);
      onAdded(result);
    } catch (error) {
      if (!applyFieldErrors(error, FIELDS, form.setError)) setServerError(errorMessage(error));
    }
  });

  return (
    <section aria-labelledby="add-user-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="add-user-heading" className="text-base font-semibold">
        Add user
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        You get a one-time link for them to choose their own password.
      </p>
      <form
        onSubmit={onSubmit}
        noValidate
        className="mt-3 grid gap-4 sm:grid-cols-2"
        aria-describedby={serverError ? "add-user-error" : undefined}
      >
        <FormField id="new-user-email" label="Email" error={errors.email?.message}>
          {(describedBy) => (
            <input
              id="new-user-email"
              type="email"
              autoComplete="off"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...form.register("email")}
            />
          )}
        </FormField>
        <FormField id="new-user-name" label="Name" error={errors.name?.message}>
          {(describedBy) => (
            <input
              id="new-user-name"
              type="text"
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...form.register("name")}
            />
          )}
        </FormField>
        <FormField id="new-user-role" label="Role" error={errors.role?.message}>
          {(describedBy) => (
            <select
              id="new-user-role"
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...form.register("role")}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {serverError ? (
          <p
            id="add-user-error"
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 sm:col-span-2"
          >
            {serverError}
          </p>
        ) : null}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={create.isPending} variant="primary">
            {create.isPending ? "Adding…" : "Add user"}
          </Button>
        </div>
      </form>
    </section>
  );
}
