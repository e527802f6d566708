"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { visibleText } from "@/lib/format";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { KeyView } from "@/lib/keys/view";
import { useDeleteKey } from "@/lib/keys/mutations";
import { failureText } from "./write-outcome";
import { toastKeyWrite } from "./write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

/** Deleting asks the admin to type the key's name: it stops working at once and cannot come back. */
export function DeleteKeyDialog({
  apiKey,
  onClose,
  onDone,
  title,
}: {
  apiKey: KeyView;
  onClose: () => void;
  onDone: (message: string, options?: NotifyOptions) => void;
  title?: string;
}) {
  const remove = useDeleteKey();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  // A name with an invisible character (a NUL, say) cannot be typed: its spelled-out form counts too.
  const shown = visibleText(apiKey.name);
  const matches = typed.trim() === apiKey.name || typed.trim() === shown;

  const confirm = async () => {
    setError(null);
    try {
      const { reconciled } = await remove.mutateAsync({ saId: apiKey.serviceAccountId, keyId: apiKey.id });
      // A reconciled outcome says more than the toast, so it is read out too.
      onDone(reconciled ? `${shown}: ${reconciled.message}` : `Deleted ${shown}.`, { toasted: !reconciled });
      toastKeyWrite(apiKey.name, "deleted");
    } catch (e) {
      setError(failureText(e, `${shown} was not deleted.`));
    }
  };

  return (
    <Dialog
      open
      onClose={() => !remove.isPending && onClose()}
      title={title ?? `Delete ${shown}?`}
      description="The key stops working at once: every request with it is refused. This cannot be undone."
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) void confirm();
        }}
      >
        <FormField id="delete-key-confirm" label={`Type ${shown} to confirm`}>
          {(describedBy) => (
            <input
              id="delete-key-confirm"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-describedby={describedBy}
              className={inputClass}
            />
          )}
        </FormField>
        {error ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
          >
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={onClose} disabled={remove.isPending} variant="secondary">
            Cancel
          </Button>
          <Button type="submit" disabled={!matches || remove.isPending} variant="danger">
            {remove.isPending ? "Deleting…" : "Delete key"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
