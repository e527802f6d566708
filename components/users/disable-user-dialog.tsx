"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
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
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onClose} variant="secondary">
          Cancel
        </Button>
        <Button type="button" onClick={confirm} disabled={change.isPending} variant="danger">
          {change.isPending ? "Disabling…" : "Disable user"}
        </Button>
      </div>
    </div>
  );
}
