"use client";

import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * A confirming dialog's last row: what went wrong (an alert, so it is read out), Cancel, and the
 * one action the dialog asks for, disabled and renamed while it runs.
 */
export function DialogActions({
  error,
  onCancel,
  onConfirm,
  pending,
  label,
  pendingLabel,
  variant = "danger",
}: {
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onCancel} variant="secondary">
          Cancel
        </Button>
        <Button type="button" onClick={onConfirm} disabled={pending} variant={variant}>
          {pending ? pendingLabel : label}
        </Button>
      </div>
    </>
  );
}
