"use client";
// The inventory's filters. Each control writes the URL (the one source of truth); the search box
// keeps its own text while typing and writes the URL a moment after the last key, so typing stays
// smooth and Back does not step through every letter.
import { Button } from "@/components/ui/button";
import { useEffect, useId, useState } from "react";
import { PRODUCT_AREAS, controlPermissions } from "@/lib/permissions";
import type { InventoryFilters } from "@/lib/inventory/url-filters";
import { RISK_FLAG_INFO } from "@/lib/inventory/risk";
import { RISK_FLAGS } from "@/lib/inventory/types";
import { POLICY_INFO, POLICY_KINDS, type PolicyRule } from "@/lib/policies/rules";
import { inputClass } from "@/components/ui/input-class";

const SEARCH_DELAY_MS = 200;
const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";

export function InventoryFiltersBar({
  filters,
  connections,
  accounts,
  policyRules,
  onPolicyMenu,
  onChange,
  onClear,
}: {
  filters: InventoryFilters;
  connections: { id: string; name: string }[];
  accounts: { id: string; name: string }[];
  /** The key policies that are on (undefined while they are read): the policy filter marks the rest off. */
  policyRules: readonly PolicyRule[] | undefined;
  /** The policy menu was focused: a moment to read the rules, to mark those that are off. */
  onPolicyMenu(): void;
  onChange(patch: Partial<InventoryFilters>): void;
  onClear(): void;
}) {
  const id = useId();
  const [text, setText] = useState(filters.q);
  // The URL changed from elsewhere (Back, a link, "Clear filters"): show its text.
  const [seenQ, setSeenQ] = useState(filters.q);
  if (filters.q !== seenQ) {
    setSeenQ(filters.q);
    if (text.trim() !== filters.q) setText(filters.q);
  }
  useEffect(() => {
    if (text.trim() === filters.q) return;
    const timer = setTimeout(() => onChange({ q: text.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, onChange]);

  const connectionValue =
    filters.connection.length === 0
      ? ""
      : filters.connection.length === 1
        ? filters.connection[0]!
        : "__several";
  const accountValue = filters.sa.length === 0 ? "" : filters.sa.length === 1 ? filters.sa[0]! : "__several";
  const permValue =
    filters.perm.length === 0 ? "" : filters.perm.length === 1 ? filters.perm[0]! : "__several";

  return (
    <div
      role="search"
      aria-label="Filter keys"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        <div>
          <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-700">
            Search keys
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Name, last four, key id, owner, account"
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={`${id}-connection`} className="block text-sm font-medium text-slate-700">
            Connection
          </label>
          <select
            id={`${id}-connection`}
            value={connectionValue}
            onChange={(e) => onChange({ connection: e.target.value ? [e.target.value] : [] })}
            className={selectClass}
          >
            <option value="">All connections</option>
            {connectionValue === "__several" ? (
              <option value="__several" disabled>
                {filters.connection.length} connections
              </option>
            ) : null}
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-sa`} className="block text-sm font-medium text-slate-700">
            Service account
          </label>
          <select
            id={`${id}-sa`}
            value={accountValue}
            onChange={(e) => onChange({ sa: e.target.value ? [e.target.value] : [] })}
            className={selectClass}
          >
            <option value="">All service accounts</option>
            {accountValue === "__several" ? (
              <option value="__several" disabled>
                {filters.sa.length} service accounts
              </option>
            ) : null}
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-status`} className="block text-sm font-medium text-slate-700">
            Status
          </label>
          <select
            id={`${id}-status`}
            value={filters.status ?? ""}
            onChange={(e) =>
              onChange({ status: (e.target.value || undefined) as InventoryFilters["status"] })
            }
            className={selectClass}
          >
            <option value="">Any</option>
            <option value="enabled">Enabled</option>
            <option value="disabled">Disabled</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-perm`} className="block text-sm font-medium text-slate-700">
            Has permission
          </label>
          <select
            id={`${id}-perm`}
            value={permValue}
            onChange={(e) =>
              onChange({ perm: e.target.value ? [e.target.value as InventoryFilters["perm"][number]] : [] })
            }
            className={selectClass}
          >
            <option value="">Any permission</option>
            {permValue === "__several" ? (
              <option value="__several" disabled>
                {filters.perm.join(" and ")}
              </option>
            ) : null}
            {PRODUCT_AREAS.map((area) => (
              <optgroup key={area.id} label={area.label}>
                {area.controls.flatMap((control) =>
                  controlPermissions(control).map((p) => (
                    <option key={p} value={p}>
                      {control.label}
                      {control.kind === "pair" ? (p === control.read ? " (read)" : " (write)") : ""}
                    </option>
                  )),
                )}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-policy`} className="block text-sm font-medium text-slate-700">
            Key policy
          </label>
          <select
            id={`${id}-policy`}
            value={filters.policy ?? ""}
            onFocus={onPolicyMenu}
            onChange={(e) =>
              onChange({ policy: (e.target.value || undefined) as InventoryFilters["policy"] })
            }
            className={selectClass}
          >
            <option value="">Any key</option>
            <option value="any">Breaks a rule</option>
            <optgroup label="Breaks the rule">
              {POLICY_KINDS.map((kind) => {
                const off = policyRules !== undefined && !policyRules.some((rule) => rule.kind === kind);
                return (
                  <option key={kind} value={kind}>
                    {POLICY_INFO[kind].label}
                    {off ? " (off)" : ""}
                  </option>
                );
              })}
            </optgroup>
          </select>
        </div>
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">
          Risk flags (a key must have every one ticked)
        </legend>
        {RISK_FLAGS.map((flag) => (
          <label
            key={flag}
            title={RISK_FLAG_INFO[flag].explanation}
            className="inline-flex items-center gap-1.5 text-sm text-slate-800"
          >
            <input
              type="checkbox"
              checked={filters.risk.includes(flag)}
              onChange={(e) =>
                onChange({
                  risk: e.target.checked ? [...filters.risk, flag] : filters.risk.filter((f) => f !== flag),
                })
              }
              className="size-4"
            />
            {RISK_FLAG_INFO[flag].label}
          </label>
        ))}
        <Button type="button" onClick={onClear} variant="secondary" className="ml-auto">
          Clear filters
        </Button>
      </fieldset>
    </div>
  );
}
