"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { checkAllowlistRows, pasteIntoRows, rowsToAllowedIps, splitPastedEntries } from "./allowlist.logic";
import { ALLOWLIST_MAX } from "@/lib/keys/schema";
import { AllowlistTester } from "./allowlist-tester";

/**
 * The IP allowlist: one entry per row, many lines pasted at once, each entry checked as it is typed
 * and shown as it will be saved, repeats flagged, at most 100, and a tester. No rows: no allowlist.
 */
export function AllowlistEditor({
  id,
  value,
  onChange,
  error,
  clearable = false,
}: {
  id: string;
  value: string[] | null | undefined;
  onChange: (next: string[] | null) => void;
  error?: string;
  clearable?: boolean;
}) {
  const [rows, setRows] = useState<string[]>(() => [...(value ?? []), ""]);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const check = checkAllowlistRows(rows);
  const filled = rows.filter((r) => r.trim() !== "").length;

  const update = (next: string[], focus?: number) => {
    setRows(next);
    onChange(rowsToAllowedIps(next));
    if (focus !== undefined) requestAnimationFrame(() => inputs.current[focus]?.focus());
  };

  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium">IP allowlist</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        IPv4 or IPv6 addresses or CIDR ranges, one per row (paste many lines at once). Leave it empty to allow
        any IP. {filled} of {ALLOWLIST_MAX} entries.
      </p>
      <ol className="space-y-1">
        {check.rows.map((row, i) => {
          const rowId = `${id}-${i}`;
          const status = row.error ?? (row.normalised ? `Saved as ${row.normalised}` : "");
          return (
            <li key={i} className="flex items-start gap-2">
              <div className="flex-1">
                <label htmlFor={rowId} className="sr-only">
                  Allowlist entry {i + 1}
                </label>
                <input
                  id={rowId}
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  value={rows[i]}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={i === 0 ? "e.g. 203.0.113.0/24" : ""}
                  aria-invalid={row.error ? true : undefined}
                  aria-describedby={status ? `${rowId}-status` : undefined}
                  onChange={(e) => update(rows.map((r, j) => (j === i ? e.target.value : r)))}
                  onPaste={(e) => {
                    const text = e.clipboardData.getData("text");
                    if (splitPastedEntries(text).length < 2) return;
                    e.preventDefault();
                    const next = pasteIntoRows(rows, i, text);
                    update(next, next.length - 1);
                  }}
                  onKeyDown={(e) => {
                    if (e.key !== "Enter") return;
                    e.preventDefault(); // Enter adds a row instead of submitting the form
                    update([...rows.slice(0, i + 1), "", ...rows.slice(i + 1)], i + 1);
                  }}
                  className="block w-full rounded-md border border-slate-300 px-3 py-1.5 font-mono text-sm aria-invalid:border-red-600"
                />
                {status ? (
                  <p
                    id={`${rowId}-status`}
                    className={`mt-0.5 text-xs ${row.error ? "text-red-700" : "text-slate-600"}`}
                  >
                    {status}
                  </p>
                ) : null}
              </div>
              {rows.length > 1 ? (
                <Button
                  type="button"
                  onClick={() =>
                    update(rows.length === 1 ? [""] : rows.filter((_, j) => j !== i), Math.max(0, i - 1))
                  }
                  variant="secondary"
                  size="xs"
                  className="mt-1"
                >
                  Remove<span className="sr-only"> entry {i + 1}</span>
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          onClick={() => update([...rows, ""], rows.length)}
          variant="secondary"
          size="xs"
        >
          Add entry
        </Button>
        {clearable ? (
          <Button type="button" onClick={() => update([""], 0)} variant="secondary">
            Clear allowlist
          </Button>
        ) : null}
      </div>
      {check.tooMany ? (
        <p className="text-sm text-red-700">
          Use at most {ALLOWLIST_MAX} entries ({filled} now).
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <AllowlistTester
        id={`${id}-tester`}
        entries={rowsToAllowedIps(rows) === null ? null : check.validEntries}
      />
    </fieldset>
  );
}
