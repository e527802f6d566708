"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { DialogActions } from "@/components/ui/dialog-actions";
import { Dialog } from "@/components/ui/dialog";
import { visibleText } from "@/lib/format";
import type { ProviderCapabilities } from "@/lib/providers/types";
import {
  editKeyDefaults,
  grantsNothing,
  keyFormSchema,
  toChanges,
  type KeyFormValues,
} from "./key-form.schema";
import { KeyFormFields } from "./key-form-fields";
import { conflictMessage, editConflict } from "./conflict.logic";
import { expiryText } from "./key-text.logic";
import { expectedOf } from "@/lib/connection-keys/expected";
import { useChangeConnectionKey } from "./queries";
import { placeServerError } from "./server-errors";
import type { ConnectionKeyView } from "./types";
import { toastKeyWrite } from "@/components/keys/write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

/**
 * Edit a key: only what can change after create, prefilled; only the fields that differ are sent
 * (so only they change upstream), each with what the dialog saw of it (`expected`). A refusal keeps
 * everything typed; a 409 (someone else changed one of those fields meanwhile) says what the key
 * is now, and saving again sends the person's values over it, knowingly.
 */
export function EditKeyDialog({
  connectionId,
  capabilities,
  apiKey,
  onClose,
  onSaved,
}: {
  connectionId: string;
  capabilities: ProviderCapabilities;
  apiKey: ConnectionKeyView;
  onClose: () => void;
  onSaved: (message: string, options?: NotifyOptions) => void;
}) {
  const [before] = useState(() => editKeyDefaults(apiKey));
  // What `expected` says: the key as opened, then as a conflict showed it.
  const [seen, setSeen] = useState<ConnectionKeyView>(apiKey);
  const form = useForm<KeyFormValues>({
    // Emptying the permissions is refused on the field, as create refuses none.
    resolver: zodResolver(keyFormSchema(capabilities, "edit", grantsNothing(apiKey))),
    defaultValues: before,
    mode: "onTouched",
  });
  const change = useChangeConnectionKey(connectionId);
  const [serverError, setServerError] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const name = visibleText(apiKey.name);
  useEffect(() => form.setFocus("name"), [form]);

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    const body = toChanges(capabilities, before, values);
    setUnchanged(Object.keys(body).length === 0);
    if (Object.keys(body).length === 0) return;
    try {
      const { key } = await change.mutateAsync({
        key: apiKey,
        body: { ...body, expected: expectedOf(seen, body) },
      });
      onSaved(`Saved the changes to ${visibleText(key.name)}.`, { toasted: true });
      toastKeyWrite(key.name, "saved");
    } catch (error) {
      const conflict = editConflict(error);
      if (conflict) {
        setSeen(conflict.current);
        setServerError(conflictMessage(conflict.current, conflict.fields));
        placeServerError(error, capabilities, form.setError, "");
      } else setServerError(placeServerError(error, capabilities, form.setError, "Nothing was saved."));
    }
  });

  return (
    <Dialog open onClose={() => !change.isPending && onClose()} title={`Edit ${name}`} wide>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="space-y-5">
          <KeyFormFields
            idPrefix="edit-key"
            capabilities={capabilities}
            mode="edit"
            groups={[]}
            expiryText={expiryText(apiKey.expiresAt)}
          />
          {unchanged ? (
            <p role="status" className="text-sm text-slate-700">
              Nothing has changed: the form is the same as the key.
            </p>
          ) : null}
          <DialogActions
            submit
            error={serverError}
            onCancel={onClose}
            pending={change.isPending}
            label="Save changes"
            pendingLabel="Saving…"
            variant="primary"
          />
        </form>
      </FormProvider>
    </Dialog>
  );
}
