"use client";

import { lazy, Suspense, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import type { DoctorKeyKind } from "@/lib/doctor/key-kind";
import type { OperationGroup } from "@/lib/doctor/operations";
import type { Diagnosis } from "@/lib/doctor/types";
import { ApiRequestError, apiJson } from "@/lib/http/client";
import type { Role } from "@/lib/roles";

const PASTED_MAX = 20_000;

// The answer's code (its causes, checks and fix buttons) is not in the key page's first load: it is
// fetched when a check starts, alongside the check itself, so it is there when the answer is.
const loadDiagnosisView = () => import("./diagnosis-view");
const DiagnosisView = lazy(() => loadDiagnosisView().then((m) => ({ default: m.DiagnosisView })));

/** While the check runs (and, rarely, while the answer's code is still on its way). */
const CHECKING = (
  <p role="status" className="text-sm text-slate-600">
    Reading the key upstream and its history…
  </p>
);

type State =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; diagnosis: Diagnosis }
  | { kind: "error"; message: string; fields: Record<string, string> };

/**
 * The doctor's form (the error pasted, the caller's address, the operation they tried) and its
 * answer. The form keeps what was typed after an answer, so a fix can be checked again at once.
 */
export function DoctorPanel({
  connectionId,
  group,
  keyId,
  keyName,
  role,
  operationGroups,
  kind,
}: {
  connectionId: string;
  group: string | null;
  keyId: string;
  keyName: string | null;
  role: Role;
  /** The picker's operations by area (lib/doctor/operations.ts pickerGroups); none: no picker. */
  operationGroups: OperationGroup[];
  /** What to ask about the key, by its provider: scopes (DocSpace) say so in the picker's hint; an
   * IP allowlist (ElevenLabs) adds the caller's address. null: the provider is not known. */
  kind: DoctorKeyKind | null;
}) {
  const checksIp = kind?.ipAllowlist ?? false;
  const [pasted, setPasted] = useState("");
  const [ip, setIp] = useState("");
  const [operation, setOperation] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const id = (name: string) => `doctor-${name}`;

  const check = async () => {
    setState({ kind: "checking" });
    void loadDiagnosisView().catch(() => undefined);
    try {
      const { diagnosis } = await apiJson<{ diagnosis: Diagnosis }>("/api/doctor/diagnose", {
        method: "POST",
        body: {
          connectionId,
          keyId,
          saId: group,
          pasted: pasted.trim() === "" ? null : pasted,
          ip: ip.trim() === "" ? null : ip.trim(),
          operation: operation === "" ? null : operation,
        },
      });
      setState({ kind: "done", diagnosis });
    } catch (error) {
      const fields =
        error instanceof ApiRequestError
          ? Object.fromEntries(error.fields.map((f) => [String(f.path[0] ?? ""), f.message]))
          : {};
      setState({
        kind: "error",
        message: error instanceof Error ? error.message : "The check failed.",
        fields,
      });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void check();
  };
  const fieldError = (name: string) => (state.kind === "error" ? state.fields[name] : undefined);
  const tooLong = pasted.length > PASTED_MAX;

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3" aria-label="Why is this key failing?" noValidate>
        <FormField
          id={id("pasted")}
          label="The error the caller got (optional)"
          hint="The provider's error JSON, a log line, a message copied from a screenshot, or just the HTTP status."
          error={
            fieldError("pasted") ??
            (tooLong ? `Paste at most ${PASTED_MAX.toLocaleString("en-US")} characters` : undefined)
          }
        >
          {(describedBy) => (
            <textarea
              id={id("pasted")}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={4}
              spellCheck={false}
              aria-describedby={describedBy}
              aria-invalid={tooLong || fieldError("pasted") ? true : undefined}
              className={`${inputClass} font-mono`}
            />
          )}
        </FormField>
        <div className={checksIp && operationGroups.length > 0 ? "grid gap-3 sm:grid-cols-2" : "grid gap-3"}>
          {checksIp ? (
            <FormField
              id={id("ip")}
              label="The caller's IP address (optional)"
              hint="Checked against the key's allowlist."
              error={fieldError("ip")}
            >
              {(describedBy) => (
                <input
                  id={id("ip")}
                  value={ip}
                  onChange={(e) => setIp(e.target.value)}
                  inputMode="text"
                  autoComplete="off"
                  spellCheck={false}
                  aria-describedby={describedBy}
                  aria-invalid={fieldError("ip") ? true : undefined}
                  className={`${inputClass} font-mono`}
                />
              )}
            </FormField>
          ) : null}
          {operationGroups.length > 0 ? (
            <FormField
              id={id("operation")}
              label="What they tried (optional)"
              hint={
                kind?.permissionModel === "scopes"
                  ? "Checks the scope it needs."
                  : "Checks the permission it needs."
              }
              error={fieldError("operation")}
            >
              {(describedBy) => (
                <select
                  id={id("operation")}
                  value={operation}
                  onChange={(e) => setOperation(e.target.value)}
                  aria-describedby={describedBy}
                  className={`${inputClass} bg-white`}
                >
                  <option value="">Not known</option>
                  {operationGroups.map((g) => (
                    <optgroup key={g.id} label={g.label}>
                      {g.operations.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.label} ({o.call})
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
        </div>
        <Button type="submit" disabled={state.kind === "checking" || tooLong}>
          {state.kind === "checking" ? "Checking…" : "Check the key"}
        </Button>
      </form>
      <div aria-live="polite" aria-busy={state.kind === "checking"}>
        {state.kind === "checking" ? (
          CHECKING
        ) : state.kind === "error" ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
          >
            {state.message}
          </p>
        ) : state.kind === "done" ? (
          <Suspense fallback={CHECKING}>
            <DiagnosisView
              diagnosis={state.diagnosis}
              keyName={keyName}
              role={role}
              onFixed={() => void check()}
            />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
