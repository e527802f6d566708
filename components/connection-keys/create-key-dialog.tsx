"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SecretReveal, useSecretGuard } from "@/components/keys/secret-reveal";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { keyFormSchema, newKeyDefaults, toNewKey, type KeyFormValues } from "./key-form.schema";
import { KeyFormFields } from "./key-form-fields";
import { useCreateConnectionKey } from "./queries";
import { placeServerError } from "./server-errors";

/**
 * Create a key on a connection: the fields its provider has, then the secret once. A refusal keeps
 * everything typed, with the reason on its field or above the buttons.
 */
export function CreateKeyDialog({
  connectionId,
  connectionName,
  capabilities,
  groups,
  onClose,
  onCreated,
}: {
  connectionId: string;
  connectionName: string;
  capabilities: ProviderCapabilities;
  groups: { id: string; name: string | null }[];
  onClose: () => void;
  onCreated: (message: string) => void;
}) {
  const form = useForm<KeyFormValues>({
    resolver: zodResolver(keyFormSchema(capabilities, "create")),
    defaultValues: newKeyDefaults(capabilities, groups.length === 1 ? groups[0]!.id : ""),
    mode: "onTouched",
  });
  const create = useCreateConnectionKey(connectionId);
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const guard = useSecretGuard(onClose);
  useEffect(() => form.setFocus("name"), [form]);

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const { key, secret } = await create.mutateAsync(toNewKey(capabilities, values));
      setCreated({ name: key.name, secret });
      onCreated(`Created the key ${key.name}.`);
    } catch (error) {
      setServerError(placeServerError(error, capabilities, form.setError, "The key was not created."));
    }
  });

  const requestClose = () => {
    if (created) guard.requestClose();
    else if (!create.isPending) onClose();
  };

  return (
    <Dialog open onClose={requestClose} title={`Create a key on ${connectionName}`} wide>
      {created ? (
        <SecretReveal keyName={created.name} secret={created.secret} guard={guard} onClose={onClose} />
      ) : (
        <FormProvider {...form}>
          <form onSubmit={submit} noValidate className="space-y-5">
            <KeyFormFields idPrefix="new-key" capabilities={capabilities} mode="create" groups={groups} />
            {serverError ? (
              <p
                role="alert"
                className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
              >
                {serverError}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button type="button" onClick={requestClose} disabled={create.isPending} variant="secondary">
                Cancel
              </Button>
              <Button type="submit" disabled={create.isPending} variant="primary">
                {create.isPending ? "Creating…" : "Create key"}
              </Button>
            </div>
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}
