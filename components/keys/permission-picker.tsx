"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/ui/input-class";
import { filterAreas, pairLevel, setPairLevel, setSingle, type PairLevel } from "./permission-picker.logic";
import { PERMISSIONS, type Permission, type PermissionControl } from "@/lib/permissions";

const LEVELS: { value: PairLevel; label: string }[] = [
  { value: "none", label: "None" },
  { value: "read", label: "Read" },
  { value: "write", label: "Write" },
];

/** Every permission of the enum, by product area: None/Read/Write for a read/write pair, a checkbox otherwise. */
export function PermissionPicker({
  value,
  onChange,
  idPrefix,
}: {
  value: Permission[];
  onChange: (next: Permission[]) => void;
  idPrefix: string;
}) {
  const [query, setQuery] = useState("");
  const areas = filterAreas(query);
  const filterId = `${idPrefix}-filter`;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={filterId} className="block text-sm font-medium">
          Filter permissions
        </label>
        <input
          id={filterId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          aria-describedby={`${filterId}-count`}
          className={inputClass}
        />
        <p id={`${filterId}-count`} aria-live="polite" className="mt-1 text-xs text-slate-600">
          {value.length} of {PERMISSIONS.length} permissions chosen
          {query ? ` · ${areas.reduce((n, a) => n + a.controls.length, 0)} controls match` : ""}
        </p>
      </div>
      {/* No scroll box of its own: the list takes the room it needs and the dialog scrolls once. */}
      <div className="space-y-3 rounded-md border border-slate-200 p-3">
        {areas.length === 0 ? (
          <p className="text-sm text-slate-600">No permission matches “{query}”.</p>
        ) : null}
        {areas.map((area) => (
          <fieldset key={area.id} className="space-y-1">
            <legend className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {area.label}
            </legend>
            {area.controls.map((control) => (
              <ControlRow
                key={control.label}
                control={control}
                value={value}
                onChange={onChange}
                idPrefix={idPrefix}
              />
            ))}
          </fieldset>
        ))}
      </div>
    </div>
  );
}

function ControlRow({
  control,
  value,
  onChange,
  idPrefix,
}: {
  control: PermissionControl;
  value: Permission[];
  onChange: (next: Permission[]) => void;
  idPrefix: string;
}) {
  const id = `${idPrefix}-${useId()}`;
  if (control.kind === "single") {
    return (
      <div className="flex items-center gap-2 py-0.5 text-sm">
        <input
          id={id}
          type="checkbox"
          checked={value.includes(control.permission)}
          onChange={(e) => onChange(setSingle(value, control.permission, e.target.checked))}
          className="size-4"
        />
        <label htmlFor={id}>{control.label}</label>
      </div>
    );
  }
  const level = pairLevel(value, control);
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      className="flex flex-wrap items-center justify-between gap-2 py-0.5 text-sm"
    >
      <span id={`${id}-label`}>{control.label}</span>
      <span className="inline-flex gap-3">
        {LEVELS.map((l) => (
          <label key={l.value} className="inline-flex items-center gap-1">
            <input
              type="radio"
              name={id}
              value={l.value}
              checked={level === l.value}
              onChange={() => onChange(setPairLevel(value, control, l.value))}
              className="size-4"
            />
            {l.label}
            <span className="sr-only"> {control.label}</span>
          </label>
        ))}
      </span>
    </div>
  );
}
