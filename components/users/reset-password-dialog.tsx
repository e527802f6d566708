"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { errorMessage } from "@/lib/http/client";
import { useSendPasswordLink, type UserWithLink } from "@/lib/users/queries";
import type { UserSummary } from "@/lib/users/types";

/** Asks before resetting: the password stops working and the sessions end at once; the answer is a link. */
export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserSummary | null;
  onClose: () => void;
  onDone: (result: UserWithLink) => void;
}) {
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={user ? `Reset the password of ${user.email}?` : "Reset password?"}
      description="Their password stops working and their sessions end at once. You get a one-time link to send them, with which they choose a new password."
    >
      {user ? <Confirm user={user} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function Confirm({
  user,
  onClose,
  onDone,
}: {
  user: UserSummary;
  onClose: () => void;
  onDone: (result: UserWithLink) => void;
}) {
  const send = useSendPasswordLink();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      onDone(await send.mutateAsync(user.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="space-y-4">
      <DialogActions
        error={error}
        onCancel={onClose}
        onConfirm={confirm}
        pending={send.isPending}
        label="Reset and make a link"
        pendingLabel="Resetting…"
      />
    </div>
  );
}
