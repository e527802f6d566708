"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField, inputClass } from "@/components/ui/form-field";
import { useDisableElsewhere } from "@/lib/find-key/queries";
import type { OtherCandidate, OtherKey, SearchedConnection } from "@/lib/find-key/types";
import { ApiRequestError, errorDetails } from "@/lib/http/client";
import { reasonSchema } from "@/lib/keys/schema";
import * as z from "@/lib/text/zod-mini";
import { LEAK_REASON } from "./leak-reason";

const schema = z.object({ reason: reasonSchema });

/** The key as the server has it now, on a 409 (someone else disabled it since the search). */
function conflictKey(error: unknown): OtherKey | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const body = error.extra.body as { error?: { current?: OtherKey } } | null | undefined;
  return body?.error?.current ?? null;
}

/**
 * Disable now, for a key of another connection than the primary one: a reason for the audit log,
 * prefilled and editable, and one button. The server reads the key first, so a key someone else
 * already disabled is reported, not written again.
 */
export function DisableElsewhereDialog({
  connection,
  candidate,
  onClose,
  onDisabled,
  onConflict,
}: {
  connection: SearchedConnection;
  candidate: OtherCandidate;
  onClose: () => void;
  onDisabled: (key: OtherKey, at: Date) => void;
  onConflict: (current: OtherKey) => void;
}) {
  const { key } = candidate;
  const disable = useDisableElsewhere();
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(schema),
    defaultValues: { reason: LEAK_REASON },
  });
  const { errors } = form.formState;
  const [alreadyDisabled, setAlreadyDisabled] = useState(false);
  useEffect(() => form.setFocus("reason", { shouldSelect: true }), [form]);

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    try {
      const updated = await disable.mutateAsync({ connectionId: connection.id, keyId: key.id, reason });
      onDisabled(updated, new Date());
    } catch (error) {
      const current = conflictKey(error);
      if (current) {
        onConflict(current);
        setAlreadyDisabled(true);
        form.setError("root", {
          message: `${key.name} is already disabled: someone else changed it since you searched. Nothing more to do.`,
        });
      } else {
        form.setError("root", {
          message: `${key.name} was not disabled: it still works. ${errorDetails(error)}`,
        });
      }
    }
  });

  return (
    <Dialog
      open
      onClose={() => !disable.isPending && onClose()}
      title={`Disable ${key.name}?`}
      description={`In ${connection.name} (${connection.providerLabel}). Every request with this key is refused at once, until someone enables it again.`}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <FormField
          id="disable-elsewhere-reason"
          label="Reason"
          hint="Goes on the audit log with your name and the time."
          error={errors.reason?.message}
        >
          {(describedBy) => (
            <input
              id="disable-elsewhere-reason"
              type="text"
              autoComplete="off"
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
          <Button type="button" onClick={onClose} disabled={disable.isPending} variant="secondary">
            {alreadyDisabled ? "Close" : "Cancel"}
          </Button>
          {alreadyDisabled ? null : (
            <Button type="submit" disabled={disable.isPending} variant="danger">
              {disable.isPending ? "Disabling…" : "Confirm and disable"}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
