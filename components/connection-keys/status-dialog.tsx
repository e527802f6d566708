"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { errorDetails } from "@/lib/http/client";
import { visibleText } from "@/lib/format";
import { useChangeConnectionKey } from "./queries";
import { ReasonField } from "./reason-field";
import { requiredReason, type ReasonValues } from "./reason.schema";
import type { ConnectionKeyView } from "./types";
import { toastKeyWrite } from "@/components/keys/write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

/** Disable (or enable again) a key, with the reason the audit log keeps. Its settings stay as they are. */
export function StatusDialog({
  connectionId,
  apiKey,
  onClose,
  onDone,
}: {
  connectionId: string;
  apiKey: ConnectionKeyView;
  onClose: () => void;
  onDone: (message: string, options?: NotifyOptions) => void;
}) {
  const enabling = apiKey.enabled === false;
  const name = visibleText(apiKey.name);
  const change = useChangeConnectionKey(connectionId);
  const form = useForm<ReasonValues>({
    resolver: zodResolver(requiredReason),
    defaultValues: { reason: "" },
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => form.setFocus("reason"), [form]);

  const confirm = form.handleSubmit(async ({ reason }) => {
    setError(null);
    try {
      await change.mutateAsync({
        key: apiKey,
        body: { enabled: enabling, reason, expected: { enabled: apiKey.enabled } },
      });
      onDone(enabling ? `Enabled ${name}.` : `Disabled ${name}: requests with it are refused from now on.`, {
        toasted: true,
      });
      toastKeyWrite(apiKey.name, enabling ? "enabled" : "disabled");
    } catch (e) {
      setError(`${name} was not ${enabling ? "enabled" : "disabled"}. ${errorDetails(e)}`);
    }
  });

  return (
    <Dialog
      open
      onClose={() => !change.isPending && onClose()}
      title={`${enabling ? "Enable" : "Disable"} ${name}?`}
      description={
        enabling
          ? "Requests with this key work again at once."
          : "Every request with this key is refused at once, until someone enables it again. Its settings stay."
      }
    >
      <form onSubmit={confirm} noValidate className="space-y-4">
        <ReasonField id="status-reason" form={form} />
        <DialogActions
          error={error}
          onCancel={onClose}
          onConfirm={() => void confirm()}
          pending={change.isPending}
          label={enabling ? "Enable key" : "Disable key"}
          pendingLabel={enabling ? "Enabling…" : "Disabling…"}
          variant={enabling ? "primary" : "danger"}
        />
      </form>
    </Dialog>
  );
}
