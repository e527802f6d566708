"use client";

import { Button } from "@/components/ui/button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { FormField, inputClass } from "@/components/ui/form-field";
import { friendlyKeyName } from "./friendly-name.logic";
import { applyFieldErrors, errorDetails } from "@/lib/http/client";
import { useCreateKey } from "@/lib/keys/queries";
import { newKeySchema } from "@/lib/keys/schema";
import { AccessFields } from "./access-fields";
import { AllowlistEditor } from "./allowlist-editor";
import { CharacterLimitField } from "./character-limit-field";
import { allowlistError, KEY_FORM_FIELDS } from "./field-errors";
import { asPermissions, newKeyDefaults, type KeyFormInput, type KeyFormOutput } from "./key-form.schema";
import { KeyReview } from "./key-review";
import { SecretReveal, useSecretGuard } from "./secret-reveal";
import { StepIndicator } from "./step-indicator";
import { failureText, writeOutcome } from "./write-outcome";

const STEPS = ["Name", "Access", "Limits", "Review", "Secret"] as const;
const STEP_FIELDS: (typeof KEY_FORM_FIELDS)[number][][] = [
  ["name"],
  ["permissions"],
  ["characterLimit", "allowedIps"],
  [],
];
const stepOf = (field: string) =>
  Math.max(
    0,
    STEP_FIELDS.findIndex((fields) => (fields as string[]).includes(field)),
  );

/** Create a key in steps: name, access, limits, review, then the secret once. Mounted while open. */
export function CreateKeyDialog({
  saId,
  accountName,
  onClose,
  onCreated,
}: {
  saId: string;
  accountName: string;
  onClose: () => void;
  onCreated: (message: string) => void;
}) {
  const form = useForm<KeyFormInput, unknown, KeyFormOutput>({
    resolver: zodResolver(newKeySchema),
    defaultValues: newKeyDefaults(),
    mode: "onTouched",
  });
  const { errors } = form.formState;
  const [step, setStep] = useState(0);
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  /** The key was made, but the upstream's answer (and so its secret) was lost: never offer to create again. */
  const [secretLost, setSecretLost] = useState<string | null>(null);
  const create = useCreateKey(saId);
  const guard = useSecretGuard(onClose);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Runs after the dialog opened (a child's effect runs first): focus starts in the name field, and
    // on every later step moves to its heading, so screen readers hear the new step.
    if (step === 0) form.setFocus("name");
    else headingRef.current?.focus();
  }, [step, form]);

  const requestClose = () => {
    if (created) guard.requestClose();
    else if (!create.isPending) onClose();
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
      setStep(4);
      onCreated(`Created the key ${key.name}.`);
    } catch (error) {
      if (writeOutcome(error) === "applied") {
        setSecretLost(errorDetails(error));
        onCreated(errorDetails(error));
      } else if (applyFieldErrors(error, KEY_FORM_FIELDS, form.setError)) {
        const first = KEY_FORM_FIELDS.find((f) => form.getFieldState(f).error);
        setStep(stepOf(first ?? "name"));
      } else setServerError(failureText(error, "The key was not created."));
    }
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step < 3) {
      if (await form.trigger(STEP_FIELDS[step])) setStep(step + 1);
    } else if (step === 3) await submit(event);
  };

  const values = useWatch({ control: form.control });
  return (
    <Dialog open onClose={requestClose} title={`Create a key for ${accountName}`} wide>
      <StepIndicator steps={STEPS} current={step} />
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
        <section aria-labelledby="create-step-heading" className="space-y-3">
          <h3 id="create-step-heading" ref={headingRef} tabIndex={-1} className="font-semibold">
            Step 5: copy the secret
          </h3>
          <SecretReveal keyName={created.name} secret={created.secret} guard={guard} onClose={onClose} />
        </section>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <h3 id="create-step-heading" ref={headingRef} tabIndex={-1} className="font-semibold">
            Step {step + 1} of 4: {STEPS[step]}
          </h3>
          <div hidden={step !== 0}>
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
                    onClick={() => form.setValue("name", friendlyKeyName(), { shouldValidate: true })}
                    variant="secondary"
                    className="mt-1 whitespace-nowrap"
                  >
                    Suggest another
                  </Button>
                </div>
              )}
            </FormField>
          </div>
          <div hidden={step !== 1}>
            <Controller
              control={form.control}
              name="permissions"
              render={({ field, fieldState }) => (
                <AccessFields
                  idPrefix="new-key-access"
                  value={asPermissions(field.value)}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                />
              )}
            />
          </div>
          <div hidden={step !== 2} className="space-y-4">
            <Controller
              control={form.control}
              name="characterLimit"
              render={({ field, fieldState }) => (
                <CharacterLimitField
                  id="new-key-limit"
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="allowedIps"
              render={({ field }) => (
                <AllowlistEditor
                  id="new-key-ips"
                  value={field.value}
                  onChange={field.onChange}
                  error={allowlistError(errors)}
                />
              )}
            />
          </div>
          {step === 3 ? (
            <KeyReview
              name={values.name ?? ""}
              permissions={asPermissions(values.permissions)}
              characterLimit={values.characterLimit ?? null}
              allowedIps={values.allowedIps ?? null}
            />
          ) : null}
          {serverError ? (
            <p
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
            >
              {serverError}
            </p>
          ) : null}
          <div className="flex justify-between gap-2">
            <Button type="button" onClick={requestClose} disabled={create.isPending} variant="secondary">
              Cancel
            </Button>
            <div className="flex gap-2">
              {step > 0 ? (
                <Button
                  type="button"
                  onClick={() => setStep(step - 1)}
                  disabled={create.isPending}
                  variant="secondary"
                >
                  Back
                </Button>
              ) : null}
              <Button type="submit" disabled={create.isPending} variant="primary">
                {step < 3 ? "Next" : create.isPending ? "Creating…" : "Create key"}
              </Button>
            </div>
          </div>
        </form>
      )}
    </Dialog>
  );
}
