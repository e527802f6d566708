"use client";

import { Button } from "@/components/ui/button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { friendlyKeyName } from "./friendly-name.logic";
import { applyFieldErrors, errorDetails } from "@/lib/http/client";
import { useCreateKey } from "@/lib/keys/mutations";
import { useDiscardGuard } from "./discard-guard";
import { KEY_FORM_FIELDS } from "./field-errors";
import { FormSection } from "./form-section";
import { KeyAccessControls } from "./key-access-controls";
import {
  asPermissions,
  newKeyDefaults,
  newKeyFormSchema,
  type KeyFormInput,
  type KeyFormOutput,
} from "./key-form.schema";
import { KeyReview } from "./key-review";
import { SecretReveal, useSecretGuard } from "./secret-reveal";
import { failureText, writeOutcome } from "./write-outcome";
import { toastKeyWrite } from "./write-toast";
import type { NotifyOptions } from "@/components/ui/feedback";

type Field = (typeof KEY_FORM_FIELDS)[number];
const FIELD_LABEL: Record<Field, string> = {
  name: "the name",
  permissions: "the permissions",
  characterLimit: "the monthly limit",
  allowedIps: "the allowlist",
};
const SECTION_OF: Record<Field, "name" | "access" | "limit" | "ips"> = {
  name: "name",
  permissions: "access",
  characterLimit: "limit",
  allowedIps: "ips",
};

/**
 * Create a key on one screen: name, permissions, limit and allowlist as sections of one form, with
 * what will be created summed up beside them as it is typed, and one Create button; then the secret
 * once. Leaving with anything changed asks first. Mounted while open.
 */
export function CreateKeyDialog({
  saId,
  accountName,
  onClose,
  onCreated,
}: {
  saId: string;
  accountName: string;
  onClose: () => void;
  onCreated: (message: string, options?: NotifyOptions) => void;
}) {
  const form = useForm<KeyFormInput, unknown, KeyFormOutput>({
    resolver: zodResolver(newKeyFormSchema),
    defaultValues: newKeyDefaults(),
    mode: "onTouched",
    // Focus goes to the section to fix (below), not to an input React Hook Form may not hold.
    shouldFocusError: false,
  });
  const { errors, isDirty, isSubmitted } = form.formState;
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  /** The key was made, but the upstream's answer (and so its secret) was lost: never offer to create again. */
  const [secretLost, setSecretLost] = useState<string | null>(null);
  const create = useCreateKey(saId);
  const secretGuard = useSecretGuard(onClose);
  const discard = useDiscardGuard({
    dirty: isDirty,
    onClose,
    title: "Discard this key?",
    description: "Nothing has been created yet. What you chose here will be lost.",
  });
  const secretHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Runs after the dialog opened (its effect runs first): focus starts in the name field.
    form.setFocus("name");
  }, [form]);
  useEffect(() => {
    if (created) secretHeading.current?.focus();
  }, [created]);

  const requestClose = () => {
    if (created) secretGuard.requestClose();
    else if (secretLost) onClose();
    else if (!create.isPending) discard.requestClose();
  };

  /** Moves to the first part that needs fixing: the name field itself, or the section's heading. */
  const showFirstError = (found: FieldErrors<KeyFormInput>) => {
    const first = KEY_FORM_FIELDS.find((f) => found[f]);
    if (!first) return;
    if (first === "name") return form.setFocus("name");
    const heading = document.getElementById(`create-${SECTION_OF[first]}-heading`);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus();
  };

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const { key, secret } = await create.mutateAsync({
        name: values.name,
        permissions: values.permissions,
        ...(values.characterLimit != null ? { characterLimit: values.characterLimit } : {}),
        ...(values.allowedIps != null ? { allowedIps: values.allowedIps } : {}),
      });
      setCreated({ name: key.name, secret });
      onCreated(`Created the key ${key.name}.`, { toasted: true });
      toastKeyWrite(key.name, "created");
    } catch (error) {
      if (writeOutcome(error) === "applied") {
        setSecretLost(errorDetails(error));
        onCreated(errorDetails(error));
      } else if (applyFieldErrors(error, KEY_FORM_FIELDS, form.setError)) {
        showFirstError(form.formState.errors);
      } else setServerError(failureText(error, "The key was not created."));
    }
  }, showFirstError);

  const values = useWatch({ control: form.control });
  const toFix = KEY_FORM_FIELDS.filter((f) => errors[f]);

  return (
    <>
      <Dialog open onClose={requestClose} title={`Create a key for ${accountName}`} wide>
        {secretLost ? (
          <section className="space-y-4">
            <p
              role="alert"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
            >
              {secretLost}
            </p>
            <div className="flex justify-end">
              <Button type="button" onClick={onClose} variant="primary">
                Close
              </Button>
            </div>
          </section>
        ) : created ? (
          <section aria-labelledby="create-secret-heading" className="space-y-3">
            <h3 id="create-secret-heading" ref={secretHeading} tabIndex={-1} className="font-semibold">
              Copy the secret
            </h3>
            <SecretReveal
              keyName={created.name}
              secret={created.secret}
              guard={secretGuard}
              onClose={onClose}
            />
          </section>
        ) : (
          <form
            onSubmit={submit}
            noValidate
            className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-start"
          >
            <div className="min-w-0 space-y-5">
              <FormSection id="create-name" title="Name and service account">
                <FormField
                  id="key-name"
                  label="Name"
                  hint="A name that says who uses the key and for what."
                  error={errors.name?.message}
                >
                  {(describedBy) => (
                    <div className="flex gap-2">
                      <input
                        id="key-name"
                        autoComplete="off"
                        aria-invalid={errors.name ? true : undefined}
                        aria-describedby={describedBy}
                        className={inputClass}
                        {...form.register("name")}
                      />
                      <Button
                        type="button"
                        onClick={() =>
                          form.setValue("name", friendlyKeyName(), {
                            shouldValidate: true,
                            shouldDirty: true,
                          })
                        }
                        variant="secondary"
                        className="mt-1 whitespace-nowrap"
                      >
                        Suggest another
                      </Button>
                    </div>
                  )}
                </FormField>
                <p className="text-sm text-slate-700">
                  In the service account <span className="font-medium">{accountName}</span>.
                </p>
              </FormSection>
              <KeyAccessControls control={form.control} idPrefix="new-key" sectionPrefix="create" />
            </div>
            {/* Beside the form on a wide screen (staying in view while the dialog scrolls), below it on a narrow one. */}
            <section
              aria-labelledby="create-review-heading"
              className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-4 lg:sticky lg:top-0"
            >
              <h3 id="create-review-heading" className="text-base font-semibold">
                What will be created
              </h3>
              <KeyReview
                name={values.name ?? ""}
                accountName={accountName}
                permissions={asPermissions(values.permissions)}
                characterLimit={values.characterLimit ?? null}
                allowedIps={values.allowedIps ?? null}
              />
              {isSubmitted && toFix.length > 0 ? (
                <p role="alert" className="text-sm text-red-700">
                  Not created: fix {toFix.map((f) => FIELD_LABEL[f]).join(", ")} first.
                </p>
              ) : null}
              {serverError ? (
                <p
                  role="alert"
                  className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
                >
                  {serverError}
                </p>
              ) : null}
              <div className="flex flex-wrap justify-end gap-2">
                <Button type="button" onClick={requestClose} disabled={create.isPending} variant="secondary">
                  Cancel
                </Button>
                <Button type="submit" disabled={create.isPending} variant="primary">
                  {create.isPending ? "Creating…" : "Create key"}
                </Button>
              </div>
            </section>
          </form>
        )}
      </Dialog>
      {discard.confirm}
    </>
  );
}
