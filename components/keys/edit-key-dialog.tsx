"use client";

import { Button } from "@/components/ui/button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import {
  changeBody,
  diffKey,
  movedFields,
  pickEditable,
  type EditableKeyFields,
  type FieldChange,
} from "./key-diff.logic";
import type { KeyView } from "@/lib/keys/view";
import { applyFieldErrors } from "@/lib/http/client";
import { conflictCurrent, useChangeKey } from "@/lib/keys/mutations";
import { keyChangeSchema } from "@/lib/keys/schema";
import { ChangePreview } from "./change-preview";
import { useDiscardGuard } from "./discard-guard";
import { KEY_FORM_FIELDS } from "./field-errors";
import { failureText } from "./write-outcome";
import { toastKeyWrite } from "./write-toast";
import { KeyAccessControls } from "./key-access-controls";
import { editKeyDefaults, editKeyFormSchema, type KeyFormInput, type KeyFormOutput } from "./key-form.schema";
import type { NotifyOptions } from "@/components/ui/feedback";

type Conflict = { current: KeyView; moved: FieldChange[] } | null;

/**
 * React Hook Form focuses a field it holds (the name); the permissions are not one. When they are
 * what to fix, focus goes to the access choice, whose group's description is the reason.
 */
function focusAccessError(errors: FieldErrors<KeyFormInput>) {
  if (errors.name || !errors.permissions) return;
  document.querySelector<HTMLInputElement>('input[name="edit-key-access-mode"]:checked')?.focus();
}

/**
 * Edit a key: the same fields, prefilled; the changes are shown before saving; only they are sent,
 * with what they were when the edit began. A 409 shows what someone else changed meanwhile, and
 * "Re-apply my changes" makes their version the new starting point.
 */
export function EditKeyDialog({
  apiKey,
  onClose,
  onSaved,
}: {
  apiKey: KeyView;
  onClose: () => void;
  onSaved: (message: string, options?: NotifyOptions) => void;
}) {
  const form = useForm<KeyFormInput, unknown, KeyFormOutput>({
    // Emptying a restricted key's permissions is refused on the field, as create refuses none.
    resolver: zodResolver(editKeyFormSchema(apiKey.permissions)),
    defaultValues: editKeyDefaults(apiKey),
    mode: "onTouched",
  });
  const { errors } = form.formState;
  const [base, setBase] = useState<EditableKeyFields>(() => pickEditable(apiKey));
  const [preview, setPreview] = useState<{ draft: EditableKeyFields; changes: FieldChange[] } | null>(null);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const change = useChangeKey();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const previewing = preview !== null;
  // Escape, Cancel or a click outside with changes made asks first; an untouched form closes at once.
  const discard = useDiscardGuard({
    dirty: form.formState.isDirty || previewing,
    onClose,
    title: "Discard these changes?",
    description: `Nothing has been saved to ${apiKey.name} yet. The changes you made here will be lost.`,
  });
  const requestClose = () => !change.isPending && discard.requestClose();
  // After the dialog opened (its effect runs first): the name field, or the preview's heading while it shows.
  useEffect(() => {
    if (previewing) previewHeading.current?.focus();
    else form.setFocus("name");
  }, [previewing, form]);

  const review = form.handleSubmit((values) => {
    setServerError(null);
    const draft: EditableKeyFields = {
      name: values.name,
      permissions: values.permissions,
      characterLimit: values.characterLimit ?? null,
      allowedIps: values.allowedIps ?? null,
    };
    setPreview({ draft, changes: diffKey(base, draft) });
  }, focusAccessError);

  const save = async () => {
    if (!preview) return;
    setServerError(null);
    const body = keyChangeSchema.parse(changeBody(base, preview.draft));
    try {
      const { key, reconciled } = await change.mutateAsync({
        saId: apiKey.serviceAccountId,
        keyId: apiKey.id,
        body,
      });
      // A reconciled outcome says more than the toast, so it is read out too.
      onSaved(reconciled ? `${key.name}: ${reconciled.message}` : `Saved the changes to ${key.name}.`, {
        toasted: !reconciled,
      });
      toastKeyWrite(key.name, "saved");
    } catch (error) {
      const current = conflictCurrent(error);
      if (current) {
        setConflict({
          current,
          moved: movedFields(
            base,
            pickEditable(current),
            preview.changes.map((c) => c.field),
          ),
        });
      } else if (applyFieldErrors(error, KEY_FORM_FIELDS, form.setError)) {
        setPreview(null);
      } else setServerError(failureText(error, "Nothing was saved."));
    }
  };

  const reapply = () => {
    if (!conflict || !preview) return;
    const newBase = pickEditable(conflict.current);
    setBase(newBase);
    setPreview({ draft: preview.draft, changes: diffKey(newBase, preview.draft) });
    setConflict(null);
  };

  return (
    <>
      <Dialog open onClose={requestClose} title={`Edit ${apiKey.name}`} wide>
        <form onSubmit={review} noValidate className="space-y-5" hidden={preview !== null}>
          <FormField id="edit-key-name" label="Name" error={errors.name?.message}>
            {(describedBy) => (
              <input
                id="edit-key-name"
                autoComplete="off"
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={describedBy}
                className={inputClass}
                {...form.register("name")}
              />
            )}
          </FormField>
          <KeyAccessControls control={form.control} idPrefix="edit-key" editing />
          <div className="flex justify-end gap-2">
            <Button type="button" onClick={requestClose} variant="secondary">
              Cancel
            </Button>
            <Button type="submit" variant="primary">
              Review changes
            </Button>
          </div>
        </form>
        {preview ? (
          <section aria-labelledby="edit-preview-heading" className="space-y-4">
            <h3 id="edit-preview-heading" tabIndex={-1} ref={previewHeading} className="font-semibold">
              {preview.changes.length === 0 ? "Nothing has changed" : "These changes will be saved"}
            </h3>
            {preview.changes.length > 0 ? (
              <ChangePreview changes={preview.changes} label={`Changes to ${apiKey.name}`} />
            ) : (
              <p className="text-sm text-slate-700">
                The form is the same as the key. Go back to change something.
              </p>
            )}
            {conflict ? (
              <div
                role="alert"
                className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
              >
                <p className="font-semibold">
                  Someone else changed this key while you were editing it. Nothing was saved.
                </p>
                {conflict.moved.length > 0 ? (
                  <ChangePreview changes={conflict.moved} label="Changed meanwhile" />
                ) : null}
                <p>Re-apply your changes on top of their version, or go back and edit again.</p>
                <Button type="button" onClick={reapply} variant="primary">
                  Re-apply my changes
                </Button>
              </div>
            ) : null}
            {serverError ? (
              <p
                role="alert"
                className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
              >
                {serverError}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button
                type="button"
                onClick={() => {
                  setPreview(null);
                  setConflict(null);
                }}
                disabled={change.isPending}
                variant="secondary"
              >
                Back to editing
              </Button>
              {conflict ? null : (
                <Button
                  type="button"
                  onClick={save}
                  disabled={change.isPending || preview.changes.length === 0}
                  variant="primary"
                >
                  {change.isPending ? "Saving…" : "Save changes"}
                </Button>
              )}
            </div>
          </section>
        ) : null}
      </Dialog>
      {discard.confirm}
    </>
  );
}
