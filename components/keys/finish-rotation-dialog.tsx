"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { KeyView } from "@/lib/keys/view";
import { useChangeKey } from "@/lib/keys/mutations";
import { DeleteKeyDialog } from "./delete-key-dialog";
import { failureText } from "./write-outcome";
import { toastKeyWrite } from "./write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

/** Finish a rotation on the old key: disable it (can be undone) or delete it (cannot). */
export function FinishRotationDialog({
  apiKey,
  onClose,
  onDone,
}: {
  apiKey: KeyView;
  onClose: () => void;
  onDone: (message: string, options?: NotifyOptions) => void;
}) {
  const change = useChangeKey();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (deleting)
    return (
      <DeleteKeyDialog
        apiKey={apiKey}
        title={`Finish rotation: delete ${apiKey.name}?`}
        onClose={onClose}
        onDone={onDone}
      />
    );

  const disable = async () => {
    setError(null);
    try {
      const { reconciled } = await change.mutateAsync({
        saId: apiKey.serviceAccountId,
        keyId: apiKey.id,
        body: { enabled: false, reason: "Rotation finished", expected: { enabled: apiKey.enabled } },
      });
      onDone(`Rotation finished: ${apiKey.name} is disabled.${reconciled ? ` ${reconciled.message}` : ""}`);
      toastKeyWrite(apiKey.name, "rotation finished");
    } catch (e) {
      setError(failureText(e, "The rotation was not finished."));
    }
  };

  return (
    <Dialog
      open
      onClose={() => !change.isPending && onClose()}
      title={`Finish the rotation of ${apiKey.name}`}
      description="Do this once everything uses the new key: the old key stops working at once."
    >
      <div className="space-y-4">
        {error ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
          >
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" onClick={onClose} disabled={change.isPending} variant="secondary">
            Cancel
          </Button>
          <Button
            type="button"
            onClick={() => setDeleting(true)}
            disabled={change.isPending}
            variant="secondary"
          >
            Delete the old key…
          </Button>
          <Button type="button" onClick={disable} disabled={change.isPending} variant="danger">
            {change.isPending ? "Disabling…" : "Disable the old key"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
