"use client";

import type { UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";

interface Props {
  /** The dialog's form: its `reason` field and, on failure, its root error. */
  form: UseFormReturn<{ reason: string }>;
  onSubmit: () => void;
  onClose: () => void;
  pending: boolean;
  /** Someone else disabled the key meanwhile: only Close is left. */
  alreadyDisabled: boolean;
  /** The reason field's id, unique on the page. */
  fieldId: string;
}

/** The body of a "Disable now" dialog: why (for the audit log), what went wrong, Cancel and confirm. */
export function DisableReasonForm({ form, onSubmit, onClose, pending, alreadyDisabled, fieldId }: Props) {
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormField
        id={fieldId}
        label="Reason"
        hint="Goes on the audit log with your name and the time."
        error={errors.reason?.message}
      >
        {(describedBy) => (
          <input
            id={fieldId}
            type="text"
            autoComplete="off"
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
            {...form.register("reason")}
          />
        )}
      </FormField>
      {errors.root?.message ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {errors.root.message}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onClose} disabled={pending} variant="secondary">
          {alreadyDisabled ? "Close" : "Cancel"}
        </Button>
        {alreadyDisabled ? null : (
          <Button type="submit" disabled={pending} variant="danger">
            {pending ? "Disabling…" : "Confirm and disable"}
          </Button>
        )}
      </div>
    </form>
  );
}
