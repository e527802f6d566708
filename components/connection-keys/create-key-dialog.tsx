"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Dialog } from "@/components/ui/dialog";
import { SecretReveal, useSecretGuard } from "@/components/keys/secret-reveal";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { keyFormSchema, newKeyDefaults, toNewKey, type KeyFormValues } from "./key-form.schema";
import { KeyFormFields } from "./key-form-fields";
import { useCreateConnectionKey } from "./queries";
import { placeServerError } from "./server-errors";
import { toastKeyWrite } from "@/components/keys/write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

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
  onCreated: (message: string, options?: NotifyOptions) => void;
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
      onCreated(`Created the key ${key.name}.`, { toasted: true });
      toastKeyWrite(key.name, "created");
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
            <DialogActions
              submit
              error={serverError}
              onCancel={requestClose}
              pending={create.isPending}
              label="Create key"
              pendingLabel="Creating…"
              variant="primary"
            />
          </form>
        </FormProvider>
      )}
    </Dialog>
  );
}
