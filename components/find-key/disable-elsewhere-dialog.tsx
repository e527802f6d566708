"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { useDisableElsewhere } from "@/lib/find-key/queries";
import type { OtherCandidate, OtherKey, SearchedConnection } from "@/lib/find-key/types";
import { ApiRequestError, errorDetails } from "@/lib/http/client";
import { reasonSchema } from "@/lib/keys/schema";
import * as z from "@/lib/text/zod-mini";
import { DisableReasonForm } from "./disable-reason-form";
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
  /** The key as the server now has it, when, and the reason given (for the incident summary). */
  onDisabled: (key: OtherKey, at: Date, reason: string) => void;
  onConflict: (current: OtherKey) => void;
}) {
  const { key } = candidate;
  const disable = useDisableElsewhere();
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(schema),
    defaultValues: { reason: LEAK_REASON },
  });
  const [alreadyDisabled, setAlreadyDisabled] = useState(false);
  useEffect(() => form.setFocus("reason", { shouldSelect: true }), [form]);

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    try {
      const updated = await disable.mutateAsync({ connectionId: connection.id, keyId: key.id, reason });
      onDisabled(updated, new Date(), reason);
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
      <DisableReasonForm
        form={form}
        onSubmit={onSubmit}
        onClose={onClose}
        pending={disable.isPending}
        alreadyDisabled={alreadyDisabled}
        fieldId="disable-elsewhere-reason"
      />
    </Dialog>
  );
}
