"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { errorMessage } from "@/lib/http/client";
import { useChangeUser } from "@/lib/users/queries";
import type { UserSummary } from "@/lib/users/types";

/** Asks before disabling: it signs the user out everywhere at once. */
export function DisableUserDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserSummary | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={user ? `Disable ${user.email}?` : "Disable user?"}
      description="Their sessions end at once, and they cannot sign in until an admin enables them again."
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
  onDone: (message: string) => void;
}) {
  const change = useChangeUser();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      await change.mutateAsync({ userId: user.id, change: { disabled: true } });
      onDone(`Disabled ${user.email}; their sessions have ended.`);
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
        pending={change.isPending}
        label="Disable user"
        pendingLabel="Disabling…"
      />
    </div>
  );
}
