"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { errorDetails } from "@/lib/http/client";
import { useRemoveConnection } from "@/lib/connections/queries";
import type { ConnectionView } from "@/lib/connections/types";

/** Asks before removing, naming the connection: its stored credential is deleted with it. */
export function RemoveConnectionDialog({
  connection,
  onClose,
  onDone,
}: {
  connection: ConnectionView | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog
      open={connection !== null}
      onClose={onClose}
      title={connection ? `Remove the connection "${connection.name}"?` : "Remove connection?"}
      description="Keydesk deletes its stored credential and stops managing its keys. The keys themselves stay as they are upstream."
    >
      {connection ? <Confirm connection={connection} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function Confirm({
  connection,
  onClose,
  onDone,
}: {
  connection: ConnectionView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const remove = useRemoveConnection();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      await remove.mutateAsync(connection.id);
      onDone(`Removed the connection ${connection.name}.`);
    } catch (e) {
      setError(errorDetails(e));
    }
  };
  return (
    <div className="space-y-4">
      <DialogActions
        error={error}
        onCancel={onClose}
        onConfirm={confirm}
        pending={remove.isPending}
        label={`Remove ${connection.name}`}
        pendingLabel="Removing…"
      />
    </div>
  );
}
