"use client";

import { useFormContext } from "react-hook-form";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { GroupField } from "./group-field";
import type { KeyFormValues } from "./key-form.schema";
import { PermissionsField } from "./permissions-field";
import { TextField } from "./text-field";

/**
 * The fields of a key form, each only where the provider has it (its `capabilities`): the create
 * form shows them all, the edit form only what can change after create.
 */
export function KeyFormFields({
  idPrefix,
  capabilities: c,
  mode,
  groups,
  expiryText,
}: {
  idPrefix: string;
  capabilities: ProviderCapabilities;
  mode: "create" | "edit";
  groups: { id: string; name: string | null }[];
  /** Editing a provider whose expiry is set at create: what it is, shown read-only. */
  expiryText?: string;
}) {
  const { register } = useFormContext<KeyFormValues>();
  return (
    <div className="space-y-5">
      <TextField
        idPrefix={idPrefix}
        name="name"
        label="Name"
        hint={`Who uses the key and for what; at most ${c.name.maxLength} characters.`}
      />
      {c.groups && mode === "create" ? (
        <GroupField idPrefix={idPrefix} label={c.groups.label} groups={groups} />
      ) : null}
      <PermissionsField idPrefix={idPrefix} model={c.permissions} mode={mode} />
      {c.characterLimit ? (
        <TextField
          idPrefix={idPrefix}
          name="characterLimit"
          label="Monthly character limit"
          hint="Leave it empty for no limit."
          inputMode="numeric"
        />
      ) : null}
      {c.ipAllowlist ? (
        <TextField
          idPrefix={idPrefix}
          name="ipAllowlist"
          label="IP allowlist"
          hint={`One address or CIDR range a line, at most ${c.ipAllowlist.maxEntries}; empty: any address. Requests from anywhere else are refused.`}
          multiline
        />
      ) : null}
      {c.originRestriction ? (
        <TextField
          idPrefix={idPrefix}
          name="allowedOrigins"
          label="Allowed origins"
          hint="One origin a line, e.g. https://app.example.com; empty: any origin. Browsers enforce this (CORS): it keeps other websites from using the key in a page, but it is not network protection: anyone who has the secret can still call the API from a server."
          multiline
        />
      ) : null}
      {c.resourceRestriction ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Assistants</legend>
          <TextField
            idPrefix={idPrefix}
            name="assistants"
            label="Allowed assistants"
            hint="One assistant id a line; empty: all assistants."
            multiline
          />
          {c.resourceRestriction.transientFlag ? (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" {...register("transient")} />
              <span>
                Allow transient assistants
                <span className="block text-xs text-slate-600">
                  Assistants defined in the request itself rather than saved in the account.
                </span>
              </span>
            </label>
          ) : null}
        </fieldset>
      ) : null}
      {c.expiry && mode === "create" ? (
        <TextField
          idPrefix={idPrefix}
          name="expiresInDays"
          label="Expires after (days)"
          hint={`From ${c.expiry.minDays} to ${c.expiry.maxDays} days; empty: never expires. It cannot be changed later.`}
          inputMode="numeric"
        />
      ) : null}
      {c.expiry && mode === "edit" ? (
        <dl>
          <dt className="text-sm font-medium">Expires</dt>
          <dd className="mt-1 text-sm text-slate-800">
            {expiryText}{" "}
            <span className="text-slate-600">(set when the key was created; it cannot change)</span>
          </dd>
        </dl>
      ) : null}
    </div>
  );
}
