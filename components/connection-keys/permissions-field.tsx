"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { PermissionModel } from "@/lib/providers/types";
import type { KeyFormValues } from "./key-form.schema";

const KEY_TYPE_TEXT: Record<string, string> = {
  private: "Private: full access (server-side); it can do everything the account can.",
  public: "Public: client-side (restricted), for use in a browser or an app.",
};

/**
 * What the key may do, in the provider's model: a permission list or scopes (everything, or only
 * the ones ticked), or a key type chosen once (read-only when editing: a new type means a new key).
 */
export function PermissionsField({
  idPrefix,
  model,
  mode,
}: {
  idPrefix: string;
  model: PermissionModel;
  mode: "create" | "edit";
}) {
  const { register, formState, control } = useFormContext<KeyFormValues>();
  const access = useWatch({ control, name: "access" });
  if (model.kind === "key_type") {
    const error = formState.errors.keyType?.message;
    if (mode === "edit") return <FixedKeyType />;
    return (
      <fieldset aria-describedby={`${idPrefix}-keytype-hint${error ? ` ${idPrefix}-keytype-error` : ""}`}>
        <legend className="text-sm font-medium">Key type</legend>
        <div className="mt-2 space-y-2 text-sm">
          {model.values.map((value) => (
            <label key={value} className="flex items-start gap-2">
              <input type="radio" value={value} className="mt-1" {...register("keyType")} />
              <span>{KEY_TYPE_TEXT[value] ?? value}</span>
            </label>
          ))}
        </div>
        <p id={`${idPrefix}-keytype-hint`} className="mt-1 text-xs text-slate-600">
          Chosen now and fixed afterwards: another type means a new key.
        </p>
        {error ? (
          <p id={`${idPrefix}-keytype-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  }
  const error = formState.errors.chosen?.message;
  const scopes = model.kind === "scopes";
  const choices = scopes ? model.values.filter((v) => v !== model.unrestricted) : model.values;
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-chosen-error` : undefined}>
      <legend className="text-sm font-medium">{scopes ? "Scopes" : "Permissions"}</legend>
      <div className="mt-2 space-y-2 text-sm">
        <label className="flex items-start gap-2">
          <input type="radio" value="all" className="mt-1" {...register("access")} />
          <span>
            {scopes ? `Unrestricted (${model.unrestricted}): every scope` : "All permissions"}
            <span className="block text-xs text-amber-800">The key can do everything the account can.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" value="some" className="mt-1" {...register("access")} />
          <span>{scopes ? "Only the scopes ticked below" : "Only the permissions ticked below"}</span>
        </label>
      </div>
      {access === "some" ? (
        <div
          role="group"
          aria-label={scopes ? "Scopes to grant" : "Permissions to grant"}
          className="mt-2 grid max-h-64 grid-cols-1 gap-x-4 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm sm:grid-cols-2"
        >
          {choices.map((value) => (
            <label key={value} className="flex min-h-7 items-center gap-2 font-mono text-xs">
              <input type="checkbox" value={value} {...register("chosen")} />
              {value}
            </label>
          ))}
        </div>
      ) : null}
      {error ? (
        <p id={`${idPrefix}-chosen-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Editing: the key type is shown, not offered (it cannot change upstream). */
function FixedKeyType() {
  const { control } = useFormContext<KeyFormValues>();
  const keyType = useWatch({ control, name: "keyType" });
  return (
    <dl>
      <dt className="text-sm font-medium">Key type</dt>
      <dd className="mt-1 text-sm text-slate-800">
        {keyType === "public" ? "Public" : "Private"}{" "}
        <span className="text-slate-600">
          (fixed once the key exists; for another type, create a new key)
        </span>
      </dd>
    </dl>
  );
}
