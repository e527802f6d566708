"use client";

import { toastKeyWrite } from "@/components/keys/write-toast";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { KeyAction } from "@/components/keys/key-row";
import { failureText } from "@/components/keys/write-outcome";
import { Button } from "@/components/ui/button";
import { FeedbackMessage, useFeedback, type NotifyOptions } from "@/components/ui/feedback";
import { usePreloadDialogs } from "@/components/ui/lazy-dialog";
import {
  DeleteKeyDialog,
  EditKeyDialog,
  FinishRotationDialog,
  RotateKeyDialog,
  StatusReasonDialog,
} from "@/components/keys/lazy-dialogs";
import { useSetKeyEnabled } from "@/lib/keys/set-enabled";
import type { KeyView } from "@/lib/keys/view";
import type { Role } from "@/lib/roles";
import { NoActionsNote } from "./no-actions-note";

type Open = Exclude<KeyAction, "status"> | "status-reason" | null;

/**
 * What this person may do with a primary-connection key, as on its service account's page: admins
 * edit, switch, rotate (or finish a rotation) and delete; support switches it off and on (with a
 * reason); reviewers read. After a change the page is read again from the server. `apiKey` null:
 * the key is gone (just deleted, say): only the last message stays.
 */
export function PrimaryKeyActions({ apiKey, role }: { apiKey: KeyView | null; role: Role }) {
  const router = useRouter();
  const setEnabled = useSetKeyEnabled();
  const { feedback, notify, fail, clear } = useFeedback();
  const [open, setOpen] = useState<Open>(null);
  usePreloadDialogs(
    EditKeyDialog,
    StatusReasonDialog,
    DeleteKeyDialog,
    RotateKeyDialog,
    FinishRotationDialog,
  );
  const close = () => setOpen(null);
  const done = (message: string, options?: NotifyOptions) => {
    setOpen(null);
    notify(message, options);
    router.refresh();
  };
  // The rotate dialog stays open to show the new secret: the page refreshes behind it.
  const started = (message: string) => {
    notify(message);
    router.refresh();
  };

  const flip = () => {
    if (!apiKey) return;
    // Disabling always asks why; support must say why for enabling too. An admin enables at once.
    if (apiKey.enabled || role !== "admin") return setOpen("status-reason");
    setEnabled.mutate(
      { saId: apiKey.serviceAccountId, keyId: apiKey.id, enabled: true, was: false },
      {
        onSuccess: ({ reconciled }) => {
          toastKeyWrite(apiKey.name, "enabled");
          done(reconciled ? `${apiKey.name}: ${reconciled.message}` : `Enabled ${apiKey.name}.`, {
            toasted: !reconciled,
          });
        },
        onError: (error) => fail(failureText(error, `${apiKey.name} was not enabled; it is still disabled.`)),
      },
    );
  };

  const canSwitch = role === "admin" || role === "support";
  return (
    <div className="space-y-3">
      {apiKey ? (
        canSwitch ? (
          <div className="flex flex-wrap gap-2" role="group" aria-label="Actions on this key">
            {role === "admin" ? (
              <Button type="button" variant="secondary" size="sm" onClick={() => setOpen("edit")}>
                Edit
              </Button>
            ) : null}
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={flip}
              disabled={setEnabled.isPending}
            >
              {apiKey.enabled ? "Disable" : "Enable"}
            </Button>
            {role === "admin" && apiKey.rotation?.role === "old" ? (
              <Button type="button" variant="secondary" size="sm" onClick={() => setOpen("finish-rotation")}>
                Finish rotation
              </Button>
            ) : role === "admin" && !apiKey.rotation ? (
              <Button type="button" variant="secondary" size="sm" onClick={() => setOpen("rotate")}>
                Rotate
              </Button>
            ) : null}
            {role === "admin" ? (
              <Button
                type="button"
                variant="secondary"
                size="sm"
                className="text-red-800"
                onClick={() => setOpen("delete")}
              >
                Delete
              </Button>
            ) : null}
          </div>
        ) : (
          <NoActionsNote />
        )
      ) : null}
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      {apiKey && open === "edit" ? <EditKeyDialog apiKey={apiKey} onClose={close} onSaved={done} /> : null}
      {apiKey && open === "status-reason" ? (
        <StatusReasonDialog apiKey={apiKey} onClose={close} onDone={done} />
      ) : null}
      {apiKey && open === "delete" ? <DeleteKeyDialog apiKey={apiKey} onClose={close} onDone={done} /> : null}
      {apiKey && open === "rotate" ? (
        <RotateKeyDialog apiKey={apiKey} onClose={close} onDone={started} />
      ) : null}
      {apiKey && open === "finish-rotation" ? (
        <FinishRotationDialog apiKey={apiKey} onClose={close} onDone={done} />
      ) : null}
    </div>
  );
}
