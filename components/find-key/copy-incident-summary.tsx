"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { incidentSummary, type DisabledKeyFacts } from "@/lib/find-key/incident-summary";

/**
 * "Copy incident summary": the plain-text summary onto the clipboard, with a visible (and
 * announced) confirmation. Where the browser refuses the clipboard (no permission, not a secure
 * page) the summary is shown selected in a read-only box instead, to copy by hand.
 */
export function CopyIncidentSummary({ facts, keyName }: { facts: DisabledKeyFacts; keyName: string }) {
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "copied" } | { kind: "manual"; text: string }
  >({
    kind: "idle",
  });
  const copy = async () => {
    const text = incidentSummary(facts, window.location.origin);
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: "copied" });
    } catch {
      setState({ kind: "manual", text });
    }
  };
  return (
    <div className="space-y-1">
      <Button type="button" size="xs" variant="secondary" onClick={copy}>
        Copy incident summary<span className="sr-only"> for {keyName}</span>
      </Button>
      <p role="status" className="text-xs font-medium text-emerald-800">
        {state.kind === "copied" ? "Incident summary copied." : ""}
      </p>
      {state.kind === "manual" ? (
        <label className="block text-xs text-slate-700">
          The browser did not allow copying: select the summary and copy it.
          <textarea
            readOnly
            rows={7}
            value={state.text}
            onFocus={(e) => e.currentTarget.select()}
            autoFocus
            className="mt-1 block w-72 rounded border border-slate-300 p-1 font-mono text-xs"
          />
        </label>
      ) : null}
    </div>
  );
}
