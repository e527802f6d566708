"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { errorDetails } from "@/lib/http/client";
import { visibleText } from "@/lib/format";
import { useDeleteConnectionKey } from "./queries";
import { ReasonField } from "./reason-field";
import { OwnCredentialWarning } from "./own-credential-warning";
import { optionalReason, type ReasonValues } from "./reason.schema";
import type { ConnectionKeyView } from "./types";
import { toastKeyWrite } from "@/components/keys/write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

/**
 * Delete a key, after a confirmation: it stops working at once and cannot come back. A key that may
 * be the connection's own credential says so first.
 */
export function DeleteKeyDialog({
  connectionId,
  apiKey,
  onClose,
  onDone,
}: {
  connectionId: string;
  apiKey: ConnectionKeyView & { mayBeConnectionCredential?: boolean };
  onClose: () => void;
  onDone: (message: string, options?: NotifyOptions) => void;
}) {
  const name = visibleText(apiKey.name);
  const remove = useDeleteConnectionKey(connectionId);
  const form = useForm<ReasonValues>({
    resolver: zodResolver(optionalReason),
    defaultValues: { reason: "" },
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => form.setFocus("reason"), [form]);

  const confirm = form.handleSubmit(async ({ reason }) => {
    setError(null);
    try {
      await remove.mutateAsync({ key: apiKey, reason: reason || undefined });
      onDone(`Deleted ${name}.`, { toasted: true });
      toastKeyWrite(apiKey.name, "deleted");
    } catch (e) {
      setError(`${name} was not deleted. ${errorDetails(e)}`);
    }
  });

  return (
    <Dialog
      open
      onClose={() => !remove.isPending && onClose()}
      title={`Delete ${name}?`}
      description="The key stops working at once: every request with it is refused. This cannot be undone."
    >
      <form onSubmit={confirm} noValidate className="space-y-4">
        {apiKey.mayBeConnectionCredential ? <OwnCredentialWarning outcome="deleted" /> : null}
        <ReasonField id="delete-reason" form={form} optional />
        <DialogActions
          error={error}
          onCancel={onClose}
          onConfirm={() => void confirm()}
          pending={remove.isPending}
          label="Delete key"
          pendingLabel="Deleting…"
        />
      </form>
    </Dialog>
  );
}
