"use client";

import { Button } from "@/components/ui/button";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { useForm } from "react-hook-form";
import * as z from "@/lib/text/zod-mini";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { alreadyNote, confirmLabel, pastTense, type BulkTarget } from "@/lib/inventory/bulk";
import type { InventoryRow } from "@/lib/inventory/types";
import { REASON_MAX, reasonSchema } from "@/lib/keys/schema";
import { keyLabel } from "./bulk-run";

// The same rules as the API's reason; optional only where the API lets it be left out.
const requiredSchema = z.object({ reason: reasonSchema });
const optionalSchema = z.object({
  reason: z.string().check(z.trim(), z.maxLength(REASON_MAX, `Use at most ${REASON_MAX} characters`)),
});

/**
 * Step 1: what will change, what will be left alone, and why (the reason goes on every key's audit
 * entry). Enter in the reason confirms.
 */
export function BulkConfirmStep({
  target,
  toChange,
  already,
  reasonRequired,
  onCancel,
  onConfirm,
}: {
  target: BulkTarget;
  toChange: InventoryRow[];
  already: InventoryRow[];
  reasonRequired: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const schema = reasonRequired ? requiredSchema : optionalSchema;
  const form = useForm<{ reason: string }>({ resolver: zodResolver(schema), defaultValues: { reason: "" } });
  const { errors } = form.formState;
  // A frame later: the shared Dialog (Radix) moves focus into itself in its own effect, which runs
  // after this one (a parent's effects run after its children's), and it focuses the first
  // focusable element (the "already" list's summary, when there is one).
  useEffect(() => {
    const frame = requestAnimationFrame(() => form.setFocus("reason"));
    return () => cancelAnimationFrame(frame);
  }, [form]);
  const accounts = useMemo(() => new Set(toChange.map((k) => k.serviceAccountId)).size, [toChange]);

  const onSubmit = form.handleSubmit(({ reason }) => onConfirm(reason.trim()));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-700">
        {toChange.length === 1 ? "The key is" : `The ${toChange.length} keys are`} in{" "}
        {accounts === 1 ? "1 service account" : `${accounts} service accounts`}. Each is changed and audited
        on its own, four at a time.
      </p>
      {already.length > 0 ? (
        <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
          <summary className="cursor-pointer">{alreadyNote(target, already.length)}</summary>
          <ul
            aria-label={`Keys already ${pastTense(target)}`}
            className="mt-2 max-h-40 list-disc space-y-1 overflow-y-auto pl-5"
          >
            {already.map((key) => (
              <li key={`${key.serviceAccountId}/${key.id}`}>{keyLabel(key)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <FormField
        id="bulk-status-reason"
        label="Reason"
        hint={`${reasonRequired ? "Required" : "Optional"}. Goes on the audit log of every key changed, e.g. “offboarding the payments team”.`}
        error={errors.reason?.message}
      >
        {(describedBy) => (
          <input
            id="bulk-status-reason"
            type="text"
            autoComplete="off"
            aria-required={reasonRequired || undefined}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
            {...form.register("reason")}
          />
        )}
      </FormField>
      <div className="flex justify-end gap-2">
        <Button type="button" onClick={onCancel} variant="secondary">
          Cancel
        </Button>
        <Button type="submit" variant={target === "disable" ? "danger" : "primary"}>
          {confirmLabel(target, toChange.length)}
        </Button>
      </div>
    </form>
  );
}
