"use client";

import type { UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { ReasonValues } from "./reason.schema";

/** Why this is being done, for the audit log. */
export function ReasonField({
  id,
  form,
  optional = false,
}: {
  id: string;
  form: UseFormReturn<ReasonValues>;
  optional?: boolean;
}) {
  const error = form.formState.errors.reason?.message;
  return (
    <FormField
      id={id}
      label={optional ? "Reason (optional)" : "Reason"}
      hint="Goes on the audit log, e.g. “secret posted in a public issue”."
      error={error}
    >
      {(describedBy) => (
        <textarea
          id={id}
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          {...form.register("reason")}
        />
      )}
    </FormField>
  );
}
