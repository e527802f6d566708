"use client";

import type { ReactNode } from "react";
import { Controller, useFormState, type Control } from "react-hook-form";
import { AccessFields } from "./access-fields";
import { AllowlistEditor } from "./allowlist-editor";
import { CharacterLimitField } from "./character-limit-field";
import { allowlistError } from "./field-errors";
import { FormSection } from "./form-section";
import { asPermissions, type KeyFormInput, type KeyFormOutput } from "./key-form.schema";

type Part = "access" | "limit" | "ips";
const TITLE: Record<Part, string> = { access: "Permissions", limit: "Limit", ips: "Allowlist" };

/**
 * What a key may do, how much and from where (permissions, monthly limit, allowlist), wired to the
 * key form: one piece for the create and edit dialogs, so both hand the same values, errors and ids
 * (`${idPrefix}-access`, `-limit`, `-ips`) to the same fields. Editing may also clear a limit or
 * an allowlist. With `sectionPrefix`, each part is a titled section (`${sectionPrefix}-access`…)
 * the form can move focus to when it needs fixing.
 */
export function KeyAccessControls({
  control,
  idPrefix,
  editing = false,
  sectionPrefix,
}: {
  control: Control<KeyFormInput, unknown, KeyFormOutput>;
  idPrefix: string;
  editing?: boolean;
  sectionPrefix?: string;
}) {
  const { errors } = useFormState({ control, name: "allowedIps" });
  const part = (which: Part, children: ReactNode) =>
    sectionPrefix ? (
      <FormSection id={`${sectionPrefix}-${which}`} title={TITLE[which]}>
        {children}
      </FormSection>
    ) : (
      children
    );
  return (
    <>
      {part(
        "access",
        <Controller
          control={control}
          name="permissions"
          render={({ field, fieldState }) => (
            <AccessFields
              idPrefix={`${idPrefix}-access`}
              value={asPermissions(field.value)}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />,
      )}
      {part(
        "limit",
        <Controller
          control={control}
          name="characterLimit"
          render={({ field, fieldState }) => (
            <CharacterLimitField
              id={`${idPrefix}-limit`}
              clearable={editing}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />,
      )}
      {part(
        "ips",
        <Controller
          control={control}
          name="allowedIps"
          render={({ field }) => (
            <AllowlistEditor
              id={`${idPrefix}-ips`}
              clearable={editing}
              value={field.value}
              onChange={field.onChange}
              error={allowlistError(errors)}
            />
          )}
        />,
      )}
    </>
  );
}
