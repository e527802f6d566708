"use client";

import { useFormContext } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { KeyFormValues } from "./key-form.schema";

/** Where the provider keeps keys in groups (ElevenLabs' service accounts): which one the key goes in. */
export function GroupField({
  idPrefix,
  label,
  groups,
}: {
  idPrefix: string;
  label: string;
  groups: { id: string; name: string | null }[];
}) {
  const { register, formState } = useFormContext<KeyFormValues>();
  const error = formState.errors.groupId?.message;
  const id = `${idPrefix}-group`;
  const title = label.charAt(0).toUpperCase() + label.slice(1);
  return (
    <FormField
      id={id}
      label={title}
      hint={groups.length === 0 ? `There is no ${label} to choose from yet.` : undefined}
      error={error}
    >
      {(describedBy) => (
        <select
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          {...register("groupId")}
        >
          <option value="">Choose…</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name ?? g.id}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
