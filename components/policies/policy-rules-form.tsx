"use client";
// The rules, one row each: on or off, its number where it takes one, report or enforce. Admins
// change and save them all at once (a recent sign-in is asked for when needed: lib/http/client.ts);
// everyone else reads them. A refused save keeps what was typed and says which rule and why.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FeedbackMessage, useFeedback } from "@/components/ui/feedback";
import { inputClass } from "@/components/ui/input-class";
import { ApiRequestError, errorDetails } from "@/lib/http/client";
import { useSavePolicies } from "@/lib/policies/queries";
import {
  POLICY_INFO,
  POLICY_KINDS,
  type PolicyKind,
  type PolicyMode,
  type PolicyRule,
} from "@/lib/policies/rules";

interface Draft {
  on: boolean;
  mode: PolicyMode;
  limit: string;
}

const DEFAULT_LIMIT: Record<PolicyKind, string> = {
  network_restriction: "",
  no_unrestricted: "",
  max_monthly_limit: "100000",
  max_expiry_days: "90",
  rotated_within_days: "90",
  no_unused_days: "90",
};

function draftsOf(rules: readonly PolicyRule[]): Record<PolicyKind, Draft> {
  return Object.fromEntries(
    POLICY_KINDS.map((kind) => {
      const rule = rules.find((r) => r.kind === kind);
      return [
        kind,
        {
          on: !!rule,
          mode: rule?.mode ?? "report",
          limit: rule?.limit != null ? String(rule.limit) : DEFAULT_LIMIT[kind],
        },
      ];
    }),
  ) as Record<PolicyKind, Draft>;
}

function rulesOf(drafts: Record<PolicyKind, Draft>): PolicyRule[] {
  return POLICY_KINDS.filter((kind) => drafts[kind].on).map((kind) => ({
    kind,
    mode: drafts[kind].mode,
    // Sent as typed (a number, or NaN's null): the server names anything out of range.
    limit:
      POLICY_INFO[kind].unit === null
        ? null
        : drafts[kind].limit.trim() === ""
          ? null
          : Number(drafts[kind].limit),
  }));
}

/** Field errors of a refused save, by rule kind. */
function errorsByKind(error: unknown, sent: PolicyRule[]): Partial<Record<PolicyKind, string>> {
  if (!(error instanceof ApiRequestError)) return {};
  const out: Partial<Record<PolicyKind, string>> = {};
  for (const field of error.fields) {
    // ["body", "rules", i, ...] or ["rules", i, ...]
    const at = field.path.indexOf("rules");
    const rule = at >= 0 ? sent[Number(field.path[at + 1])] : undefined;
    if (rule) out[rule.kind] = field.message;
  }
  return out;
}

export function PolicyRulesForm({ rules, canEdit }: { rules: PolicyRule[]; canEdit: boolean }) {
  const [drafts, setDrafts] = useState(() => draftsOf(rules));
  const [errors, setErrors] = useState<Partial<Record<PolicyKind, string>>>({});
  const save = useSavePolicies();
  const { feedback, notify, fail, clear } = useFeedback();
  const set = (kind: PolicyKind, change: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [kind]: { ...all[kind], ...change } }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    clear();
    setErrors({});
    const sent = rulesOf(drafts);
    try {
      const saved = await save.mutateAsync(sent);
      setDrafts(draftsOf(saved));
      notify(
        saved.length === 0
          ? "Saved: no rule is on."
          : `Saved: ${saved.length} rule${saved.length === 1 ? "" : "s"} on.`,
      );
    } catch (error) {
      const byKind = errorsByKind(error, sent);
      setErrors(byKind);
      fail(
        Object.keys(byKind).length > 0
          ? "Not saved: see the rules marked below."
          : `Not saved. ${errorDetails(error)}`,
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Key policies">
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
      <fieldset disabled={!canEdit || save.isPending} className="space-y-3">
        <legend className="sr-only">Rules</legend>
        {POLICY_KINDS.map((kind) => (
          <RuleRow
            key={kind}
            kind={kind}
            draft={drafts[kind]}
            error={errors[kind]}
            onChange={(c) => set(kind, c)}
          />
        ))}
      </fieldset>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save rules"}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Only admins change the rules.</p>
      )}
    </form>
  );
}

function RuleRow({
  kind,
  draft,
  error,
  onChange,
}: {
  kind: PolicyKind;
  draft: Draft;
  error?: string;
  onChange: (change: Partial<Draft>) => void;
}) {
  const info = POLICY_INFO[kind];
  const id = `policy-${kind}`;
  const limit = Number(draft.limit);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
        <label className="flex min-w-64 flex-1 items-start gap-2">
          <input
            type="checkbox"
            checked={draft.on}
            onChange={(e) => onChange({ on: e.target.checked })}
            aria-describedby={`${id}-sentence${error ? ` ${id}-error` : ""}`}
            className="mt-1"
          />
          <span>
            <span className="block text-sm font-medium">{info.label}</span>
            <span id={`${id}-sentence`} className="block text-sm text-slate-600">
              {info.sentence(Number.isFinite(limit) ? limit : null)}
            </span>
          </span>
        </label>
        {info.unit ? (
          <div>
            <label htmlFor={`${id}-limit`} className="block text-xs font-medium text-slate-700">
              At most ({info.unit})
            </label>
            <input
              id={`${id}-limit`}
              type="number"
              inputMode="numeric"
              min={1}
              max={info.max}
              value={draft.limit}
              disabled={!draft.on}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange({ limit: e.target.value })}
              className={`${inputClass} w-36`}
            />
          </div>
        ) : null}
        <fieldset disabled={!draft.on} className="text-sm">
          <legend className="text-xs font-medium text-slate-700">
            When a key breaks it<span className="sr-only"> ({info.label})</span>
          </legend>
          <div className="mt-1 flex gap-3">
            <label className="flex items-center gap-1">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === "report"}
                onChange={() => onChange({ mode: "report" })}
              />
              Report
            </label>
            <label
              className="flex items-center gap-1"
              title={info.enforceable ? undefined : "A create or change cannot break this rule"}
            >
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === "enforce"}
                disabled={!info.enforceable}
                onChange={() => onChange({ mode: "enforce" })}
              />
              Enforce
            </label>
          </div>
          {!info.enforceable ? (
            <p className="mt-1 text-xs text-slate-600">Reported only: no create or change can break it.</p>
          ) : null}
        </fieldset>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
