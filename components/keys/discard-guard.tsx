"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/**
 * Leaving a form with unsaved input asks first: Escape, Cancel and a click outside all go through
 * `requestClose`, which closes at once when nothing was changed and otherwise opens a small
 * "Discard …?" confirm. Render `confirm` beside the form's dialog, not inside it (a nested
 * dialog's Escape would reach the outer one through React's tree).
 */
export function useDiscardGuard({
  dirty,
  onClose,
  title,
  description,
}: {
  dirty: boolean;
  onClose: () => void;
  title: string;
  description: string;
}) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : onClose());
  const confirm = asking ? (
    <Dialog open onClose={() => setAsking(false)} title={title} description={description}>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" onClick={() => setAsking(false)} variant="secondary">
          Keep editing
        </Button>
        <Button type="button" onClick={onClose} variant="danger">
          Discard
        </Button>
      </div>
    </Dialog>
  ) : null;
  return { requestClose, confirm };
}
