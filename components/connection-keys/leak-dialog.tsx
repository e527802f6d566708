"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { SecretReveal, useSecretGuard } from "@/components/keys/secret-reveal";
import { errorDetails } from "@/lib/http/client";
import { visibleText } from "@/lib/format";
import type { LeakResponse } from "./key-actions.logic";
import { useChangeConnectionKey, useDeleteConnectionKey, useRotateConnectionKey } from "./queries";
import { OwnCredentialWarning } from "./own-credential-warning";
import { ReasonField } from "./reason-field";
import { requiredReason, type ReasonValues } from "./reason.schema";
import type { ConnectionKeyView, RotatedConnectionKey } from "./types";
import { toastKeyWrite } from "@/components/keys/write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

const CHOICES: Record<
  LeakResponse,
  { label: string; what: string; button: string; pending: string; outcome: string }
> = {
  disable: {
    outcome: "disabled",
    label: "Disable it",
    what: "Requests with the key are refused at once. Its settings stay, and it can be enabled again.",
    button: "Disable key",
    pending: "Disabling…",
  },
  rotate: {
    outcome: "rotated",
    label: "Rotate it",
    what: "Keydesk creates a twin with the same settings, shows its new secret once, then deletes this key. Whoever uses the key needs the new secret.",
    button: "Rotate key",
    pending: "Rotating…",
  },
  delete: {
    outcome: "deleted",
    label: "Delete it",
    what: "The key stops working at once and cannot come back.",
    button: "Delete key",
    pending: "Deleting…",
  },
};

/**
 * A secret leaked: the responses the provider offers (first choice first), a reason for the audit
 * log, and a confirmation. A rotation ends with the twin's secret, shown once.
 */
export function LeakDialog({
  connectionId,
  apiKey,
  responses,
  onClose,
  onDone,
}: {
  connectionId: string;
  apiKey: ConnectionKeyView & { mayBeConnectionCredential?: boolean };
  responses: LeakResponse[];
  onClose: () => void;
  onDone: (message: string, options?: NotifyOptions) => void;
}) {
  const name = visibleText(apiKey.name);
  const [choice, setChoice] = useState<LeakResponse>(responses[0]!);
  const [error, setError] = useState<string | null>(null);
  const [rotated, setRotated] = useState<RotatedConnectionKey | null>(null);
  const form = useForm<ReasonValues>({
    resolver: zodResolver(requiredReason),
    defaultValues: { reason: "" },
  });
  const change = useChangeConnectionKey(connectionId);
  const remove = useDeleteConnectionKey(connectionId);
  const rotate = useRotateConnectionKey(connectionId);
  const pending = change.isPending || remove.isPending || rotate.isPending;
  // Once a twin exists, closing says what happened (and the secret guard asks first).
  const finish = (result: RotatedConnectionKey) => {
    const twin = visibleText(result.twin.key.name);
    onDone(
      result.old.outcome === "deleted"
        ? `Rotated ${name}: the twin ${twin} replaces it.`
        : `Created the twin ${twin}; ${name} could not be deleted and still works.`,
    );
  };
  const guard = useSecretGuard(() => (rotated ? finish(rotated) : onClose()));
  useEffect(() => form.setFocus("reason"), [form]);

  const confirm = form.handleSubmit(async ({ reason }) => {
    setError(null);
    try {
      if (choice === "disable") {
        await change.mutateAsync({
          key: apiKey,
          body: { enabled: false, reason, expected: { enabled: apiKey.enabled } },
        });
        onDone(`Disabled ${name}: requests with it are refused from now on.`, { toasted: true });
        toastKeyWrite(apiKey.name, "disabled");
      } else if (choice === "delete") {
        await remove.mutateAsync({ key: apiKey, reason });
        onDone(`Deleted ${name}.`, { toasted: true });
        toastKeyWrite(apiKey.name, "deleted");
      } else {
        const result = await rotate.mutateAsync({ key: apiKey, reason });
        setRotated(result);
        // The old key could not be deleted: only the twin's creation went through.
        if (result.old.outcome === "deleted") toastKeyWrite(apiKey.name, "rotated");
        else toastKeyWrite(result.twin.key.name, "created");
      }
    } catch (e) {
      setError(`Nothing was done to ${name}. ${errorDetails(e)}`);
    }
  });

  if (rotated) {
    const twin = visibleText(rotated.twin.key.name);
    return (
      <Dialog open onClose={guard.requestClose} title={`${name} was rotated`}>
        {rotated.old.outcome === "delete_failed" ? (
          <p
            role="alert"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            The twin exists, but the old key could not be deleted and still works: delete it from the list.{" "}
            {rotated.old.message}
          </p>
        ) : (
          <p className="text-sm text-slate-700">The old key is deleted; the twin {twin} replaces it.</p>
        )}
        <SecretReveal
          keyName={twin}
          secret={rotated.twin.secret}
          guard={guard}
          onClose={() => finish(rotated)}
        />
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onClose={() => !pending && onClose()}
      title={`Respond to a leak of ${name}`}
      description="Choose what to do with the key whose secret got out. This is recorded on the audit log with your reason."
    >
      <form onSubmit={confirm} noValidate className="space-y-4">
        <fieldset>
          <legend className="text-sm font-medium">Response</legend>
          <div className="mt-2 space-y-2 text-sm">
            {responses.map((r) => (
              <label key={r} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="leak-response"
                  value={r}
                  checked={choice === r}
                  onChange={() => setChoice(r)}
                  className="mt-1"
                />
                <span>
                  {CHOICES[r].label}
                  <span className="block text-xs text-slate-600">{CHOICES[r].what}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {apiKey.mayBeConnectionCredential ? <OwnCredentialWarning outcome={CHOICES[choice].outcome} /> : null}
        <ReasonField id="leak-reason" form={form} />
        <DialogActions
          error={error}
          onCancel={onClose}
          onConfirm={() => void confirm()}
          pending={pending}
          label={CHOICES[choice].button}
          pendingLabel={CHOICES[choice].pending}
          variant={choice === "rotate" ? "primary" : "danger"}
        />
      </form>
    </Dialog>
  );
}
