"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { FormField, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/form-field";
import { applyFieldErrors, errorMessage } from "@/lib/queries/api";
import { useChangeUser } from "@/lib/queries/users";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/schemas/users";
import type { UserSummary } from "@/lib/users/types";

export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserSummary | null; onClose: () => void; onDone: (message: string) => void }) {
  return (
    <Dialog open={user !== null} onClose={onClose} title={user ? `Reset the password of ${user.email}` : "Reset password"} description="They sign in with the new password from now on; their current sessions end at once.">
      {user ? <ResetPasswordForm user={user} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function ResetPasswordForm({ user, onClose, onDone }: { user: UserSummary; onClose: () => void; onDone: (message: string) => void }) {
  const change = useChangeUser();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { password: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setServerError(null);
    try {
      await change.mutateAsync({ userId: user.id, change: { password } });
      onDone(`The password of ${user.email} was reset; their sessions have ended.`);
    } catch (error) {
      if (!applyFieldErrors(error, ["password"] as const, form.setError)) setServerError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField id="reset-password" label="New password" hint="At least 12 characters, not a common one, not containing the email." error={errors.password?.message}>
        {(describedBy) => (
          <input id="reset-password" type="password" autoComplete="new-password" aria-invalid={errors.password ? true : undefined} aria-describedby={describedBy} className={inputClass} {...form.register("password")} />
        )}
      </FormField>
      {serverError ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">{serverError}</p> : null}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className={secondaryButtonClass}>Cancel</button>
        <button type="submit" disabled={change.isPending} className={primaryButtonClass}>{change.isPending ? "Saving…" : "Set password"}</button>
      </div>
    </form>
  );
}
