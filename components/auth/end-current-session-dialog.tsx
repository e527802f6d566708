"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** Asks before ending the session of the browser in use: that signs the person out here at once. */
export function EndCurrentSessionDialog({
  pending,
  onCancel,
  onConfirm,
}: {
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog
      open
      onClose={onCancel}
      title="End this session?"
      description="This is the browser you are using now: ending its session signs you out here at once."
    >
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onCancel} variant="secondary">
          Cancel
        </Button>
        <Button type="button" onClick={onConfirm} disabled={pending} variant="danger">
          End and sign out
        </Button>
      </div>
    </Dialog>
  );
}
