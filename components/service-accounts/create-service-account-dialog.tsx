"use client";

import { Button } from "@/components/ui/button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod/mini";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { applyFieldErrors, errorDetails } from "@/lib/http/client";
import { useCreateServiceAccount } from "@/lib/keys/mutations";
import { newServiceAccountSchema } from "@/lib/keys/schema";

type Values = z.input<typeof newServiceAccountSchema>;

/** A new service account: just a name. Never retried; on failure the name stays. */
export function CreateServiceAccountDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (message: string) => void;
}) {
  const create = useCreateServiceAccount();
  const form = useForm<Values>({
    resolver: zodResolver(newServiceAccountSchema),
    defaultValues: { name: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const account = await create.mutateAsync(values);
      onCreated(`Created the service account ${account.name}.`);
    } catch (error) {
      if (!applyFieldErrors(error, ["name"] as const, form.setError))
        form.setError("root", { message: `The service account was not created. ${errorDetails(error)}` });
    }
  });

  return (
    <Dialog
      open
      onClose={() => !create.isPending && onClose()}
      title="Create a service account"
      description="A service account owns API keys that are not tied to a person."
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormField id="new-sa-name" label="Name" error={errors.name?.message}>
          {(describedBy) => (
            <input
              id="new-sa-name"
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...form.register("name")}
            />
          )}
        </FormField>
        {errors.root?.message ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
          >
            {errors.root.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={onClose} disabled={create.isPending} variant="secondary">
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending} variant="primary">
            {create.isPending ? "Creating…" : "Create service account"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
