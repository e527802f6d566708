"use client";

import { toastKeyWrite } from "@/components/keys/write-toast";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import * as z from "@/lib/text/zod-mini";
import { Dialog } from "@/components/ui/dialog";
import type { KeyView } from "@/lib/keys/view";
import type { Candidate } from "@/lib/find-key/types";
import { errorDetails } from "@/lib/http/client";
import { conflictCurrent } from "@/lib/keys/mutations";
import { useSetKeyEnabled } from "@/lib/keys/set-enabled";
import { reasonSchema } from "@/lib/keys/schema";
import { DisableReasonForm } from "./disable-reason-form";
import { LEAK_REASON } from "./leak-reason";

const schema = z.object({ reason: reasonSchema });

/** What a failure means for this key, in words; the reason typed stays in the field. */
function failureMessage(name: string, error: unknown, current: KeyView | null): string {
  if (current && !current.enabled)
    return `${name} is already disabled: someone else changed it since you searched. Nothing more to do.`;
  if (current)
    return `${name} was changed by someone else since you searched, so nothing was disabled. Look at it again and retry. ${errorDetails(error)}`;
  return `${name} was not disabled: it still works. ${errorDetails(error)}`;
}

/**
 * One confirmation between "Disable now" and a disabled key: a reason for the audit log, prefilled
 * and editable, and one button (Enter in the field does the same). The PATCH carries
 * `expected: { enabled: true }`, so a key someone else already changed is reported, not overwritten.
 */
export function DisableNowDialog({
  candidate,
  onClose,
  onDisabled,
  onConflict,
}: {
  candidate: Candidate;
  onClose: () => void;
  /** The key as the server now has it, when, and the reason given (for the incident summary). */
  onDisabled: (key: KeyView, at: Date, reason: string) => void;
  onConflict: (current: KeyView) => void;
}) {
  const { key, serviceAccount } = candidate;
  const setEnabled = useSetKeyEnabled();
  const form = useForm<{ reason: string }>({
    resolver: zodResolver(schema),
    defaultValues: { reason: LEAK_REASON },
  });
  // Someone else disabled it meanwhile: nothing left to confirm.
  const [alreadyDisabled, setAlreadyDisabled] = useState(false);
  useEffect(() => form.setFocus("reason", { shouldSelect: true }), [form]);

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    try {
      const updated = await setEnabled.mutateAsync({
        saId: key.serviceAccountId,
        keyId: key.id,
        enabled: false,
        was: true,
        reason,
      });
      toastKeyWrite(updated.name, "disabled");
      onDisabled(updated, new Date(), reason);
    } catch (error) {
      const current = conflictCurrent(error);
      if (current) onConflict(current);
      if (current && !current.enabled) setAlreadyDisabled(true);
      form.setError("root", { message: failureMessage(key.name, error, current) });
    }
  });

  return (
    <Dialog
      open
      onClose={() => !setEnabled.isPending && onClose()}
      title={`Disable ${key.name}?`}
      description={`In ${serviceAccount.name}. Every request with this key is refused at once, until someone enables it again.`}
    >
      <DisableReasonForm
        form={form}
        onSubmit={onSubmit}
        onClose={onClose}
        pending={setEnabled.isPending}
        alreadyDisabled={alreadyDisabled}
        fieldId="disable-now-reason"
      />
    </Dialog>
  );
}
