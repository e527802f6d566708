"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { useDisableElsewhere } from "@/lib/find-key/queries";
import type { OtherCandidate, OtherKey, SearchedConnection } from "@/lib/find-key/types";
import { errorDetails } from "@/lib/http/client";
import { changedSinceMessage, conflictKey } from "@/lib/find-key/changed-since";
import { reasonSchema } from "@/lib/keys/schema";
import * as z from "@/lib/text/zod-mini";
import { DisableReasonForm } from "./disable-reason-form";
import { LEAK_REASON } from "./leak-reason";

const schema = z.object({ reason: reasonSchema });

/**
 * Disable now, for a key of another connection than the primary one: a reason for the audit log,
 * prefilled and editable, and one button. It sends what the search showed (`expected.enabled`), so
 * a key changed since is a 409, never written over: the dialog says so and keeps the typed reason.
 */
export function DisableElsewhereDialog({
  connection,
  candidate,
  onClose,
  onDisabled,
  onConflict,
  initialReason = LEAK_REASON,
}: {
  connection: SearchedConnection;
  candidate: OtherCandidate;
  onClose: () => void;
  /** The key as the server now has it, when, and the reason given (for the incident summary). */
  onDisabled: (key: OtherKey, at: Date, reason: string) => void;
  /** The key as it is now, and the reason typed so far (kept for the next try). */
  onConflict: (current: OtherKey, reason: string) => void;
  /** The reason to start from: one typed before a conflict, or the usual leak reason. */
  initialReason?: string;
}) {
  const { key } = candidate;
  const disable = useDisableElsewhere();
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(schema),
    defaultValues: { reason: initialReason },
  });
  const [alreadyDisabled, setAlreadyDisabled] = useState(false);
  useEffect(() => form.setFocus("reason", { shouldSelect: true }), [form]);

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    try {
      const updated = await disable.mutateAsync({
        connectionId: connection.id,
        keyId: key.id,
        reason,
        // What the search showed: the row offers Disable now only for a key that is on.
        expected: { enabled: key.enabled ?? true },
      });
      onDisabled(updated, new Date(), reason);
    } catch (error) {
      const current = conflictKey(error);
      if (current) {
        onConflict(current, reason);
        setAlreadyDisabled(current.enabled === false);
        form.setError("root", { message: changedSinceMessage(key.name, current) });
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
