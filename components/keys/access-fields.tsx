"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import {
  describePermissions,
  permissionsFrom,
  READ_ONLY_PRESET,
  TTS_ONLY_PRESET,
} from "./permission-picker.logic";
import type { Permission, Permissions } from "@/lib/permissions";
import { useServiceAccounts } from "@/lib/keys/queries";
import { PermissionPicker } from "./permission-picker";

/** "All permissions" or "Restricted" with the picker and its presets. */
export function AccessFields({
  value,
  onChange,
  idPrefix,
  error,
}: {
  value: Permissions;
  onChange: (next: Permissions) => void;
  idPrefix: string;
  error?: string;
}) {
  // What "Restricted" goes back to after a look at "All permissions".
  const [lastRestricted, setLastRestricted] = useState<Permission[]>(value === "all" ? [] : value);
  const restricted = value !== "all";
  const setRestricted = (list: Permission[]) => {
    setLastRestricted(list);
    onChange(list);
  };
  return (
    <div className="space-y-4">
      <fieldset aria-describedby={error ? `${idPrefix}-error` : undefined}>
        <legend className="text-sm font-medium">Access</legend>
        <div className="mt-2 space-y-2 text-sm">
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name={`${idPrefix}-mode`}
              checked={restricted}
              onChange={() => onChange(lastRestricted)}
              className="mt-0.5 size-4"
            />
            <span>
              <span className="font-medium">Restricted</span>{" "}
              <span className="text-slate-600">— only the permissions chosen below</span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name={`${idPrefix}-mode`}
              checked={!restricted}
              onChange={() => onChange("all")}
              className="mt-0.5 size-4"
            />
            <span>
              <span className="font-medium">All permissions</span>{" "}
              <span className="text-slate-600">— everything, including what ElevenLabs adds later</span>
            </span>
          </label>
        </div>
        {error ? (
          <p id={`${idPrefix}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      {restricted ? (
        <>
          <Presets onPick={setRestricted} idPrefix={idPrefix} />
          <PermissionPicker value={value} onChange={setRestricted} idPrefix={idPrefix} />
        </>
      ) : (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {describePermissions("all")[0]} Choose Restricted unless the key really needs all of it.
        </p>
      )}
    </div>
  );
}

function Presets({ onPick, idPrefix }: { onPick: (list: Permission[]) => void; idPrefix: string }) {
  const accounts = useServiceAccounts();
  const keys = (accounts.data ?? []).flatMap((sa) => sa.keys.map((k) => ({ ...k, accountName: sa.name })));
  const copyId = `${idPrefix}-copy-from`;
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Button type="button" onClick={() => onPick(READ_ONLY_PRESET)} variant="secondary">
        Read-only
      </Button>
      <Button type="button" onClick={() => onPick(TTS_ONLY_PRESET)} variant="secondary">
        Text to Speech only
      </Button>
      <div>
        <label htmlFor={copyId} className="block text-xs font-medium text-slate-700">
          Copy from another key
        </label>
        <select
          id={copyId}
          value=""
          onChange={(e) => {
            const key = keys.find((k) => k.id === e.target.value);
            if (key) onPick(permissionsFrom(key.permissions));
          }}
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm"
        >
          <option value="">{accounts.isPending ? "Loading keys…" : "Choose a key…"}</option>
          {keys.map((k) => (
            <option key={k.id} value={k.id}>
              {k.accountName} / {k.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
