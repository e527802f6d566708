"use client";

import { useFormContext } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { KeyFormField, KeyFormValues } from "./key-form.schema";

type TextName = Exclude<KeyFormField, "chosen" | "transient" | "access">;

/**
 * One text field of the key form, labelled, with its hint and error tied to it. `multiline` is a
 * list typed one entry a line (IP ranges, origins, assistants).
 */
export function TextField({
  idPrefix,
  name,
  label,
  hint,
  multiline = false,
  inputMode,
}: {
  idPrefix: string;
  name: TextName;
  label: string;
  hint?: string;
  multiline?: boolean;
  inputMode?: "numeric";
}) {
  const { register, formState } = useFormContext<KeyFormValues>();
  const error = formState.errors[name]?.message;
  const id = `${idPrefix}-${name}`;
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy) =>
        multiline ? (
          <textarea
            id={id}
            rows={3}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={`${inputClass} font-mono`}
            {...register(name)}
          />
        ) : (
          <input
            id={id}
            autoComplete="off"
            inputMode={inputMode}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
            {...register(name)}
          />
        )
      }
    </FormField>
  );
}
