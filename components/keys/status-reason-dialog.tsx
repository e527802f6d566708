"use client";

import { Button } from "@/components/ui/button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import * as z from "@/lib/text/zod-mini";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { KeyView } from "@/lib/keys/view";
import { useSetKeyEnabled } from "@/lib/keys/set-enabled";
import { reasonSchema } from "@/lib/keys/schema";
import { failureText } from "./write-outcome";
import { toastKeyWrite } from "./write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

const schema = z.object({ reason: reasonSchema });

/**
 * Disabling (and, for support, enabling) asks for a reason, which goes on the audit log. The switch
 * flips at once while this waits; on failure it flips back, and the reason typed stays here.
 */
export function StatusReasonDialog({
  apiKey,
  onClose,
  onDone,
}: {
  apiKey: KeyView;
  onClose: () => void;
  onDone: (message: string, options?: NotifyOptions) => void;
}) {
  const enabling = !apiKey.enabled;
  const setEnabled = useSetKeyEnabled();
  const form = useForm<{ reason: string }>({ resolver: zodResolver(schema), defaultValues: { reason: "" } });
  const { errors } = form.formState;
  useEffect(() => form.setFocus("reason"), [form]);
  const was = apiKey.enabled; // a snapshot from when the dialog opened, not the optimistic state

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    try {
      const { reconciled } = await setEnabled.mutateAsync({
        saId: apiKey.serviceAccountId,
        keyId: apiKey.id,
        enabled: enabling,
        was,
        reason,
      });
      if (reconciled) onDone(`${apiKey.name}: ${reconciled.message}`);
      else
        onDone(enabling ? `Enabled ${apiKey.name}.` : `Disabled ${apiKey.name}: it stops working at once.`, {
          toasted: true,
        });
      toastKeyWrite(apiKey.name, enabling ? "enabled" : "disabled");
    } catch (error) {
      form.setError("root", {
        message: failureText(
          error,
          `${apiKey.name} was not ${enabling ? "enabled" : "disabled"}; its status is back as it was.`,
        ),
      });
    }
  });

  return (
    <Dialog
      open
      onClose={() => !setEnabled.isPending && onClose()}
      title={`${enabling ? "Enable" : "Disable"} ${apiKey.name}?`}
      description={
        enabling
          ? "Requests with this key work again at once."
          : "Every request with this key is refused at once, until someone enables it again."
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormField
          id="status-reason"
          label="Reason"
          hint="Goes on the audit log, e.g. “secret posted in a public issue”."
          error={errors.reason?.message}
        >
          {(describedBy) => (
            <textarea
              id="status-reason"
              rows={3}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={describedBy}
              className={inputClass}
              {...form.register("reason")}
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
          <Button type="button" onClick={onClose} disabled={setEnabled.isPending} variant="secondary">
            Cancel
          </Button>
          <Button type="submit" disabled={setEnabled.isPending} variant={enabling ? "primary" : "danger"}>
            {setEnabled.isPending
              ? enabling
                ? "Enabling…"
                : "Disabling…"
              : enabling
                ? "Enable key"
                : "Disable key"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
