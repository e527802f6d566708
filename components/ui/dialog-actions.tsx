"use client";

import { Button, type ButtonProps } from "@/components/ui/button";

/**
 * A confirming dialog's last row: what went wrong (an alert, so it is read out), Cancel, and the
 * one action the dialog asks for, disabled and renamed while it runs. In a form (`submit`), the
 * action submits it and Cancel waits for the request in flight.
 */
export function DialogActions({
  error,
  onCancel,
  onConfirm,
  pending,
  label,
  pendingLabel,
  variant = "danger",
  submit = false,
}: {
  error: string | null;
  onCancel: () => void;
  /** Not needed with `submit`: the form's onSubmit runs. */
  onConfirm?: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  submit?: boolean;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onCancel} disabled={submit && pending} variant="secondary">
          Cancel
        </Button>
        <Button
          type={submit ? "submit" : "button"}
          onClick={submit ? undefined : onConfirm}
          disabled={pending}
          variant={variant}
        >
          {pending ? pendingLabel : label}
        </Button>
      </div>
    </>
  );
}
