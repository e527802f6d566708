"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { notify } from "@/components/ui/notify";
import type { Fix } from "@/lib/doctor/types";
import { apiJson } from "@/lib/http/client";

/**
 * One fix, asked for twice: the button, then a confirmation saying what will change and the reason
 * the audit log will record. Sent through the key's own PATCH endpoint (its role check, its
 * `expected` conflict check, its audit row), exactly as the server built it.
 */
export function FixButton({ fix, keyName, onFixed }: { fix: Fix; keyName: string; onFixed: () => void }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const write = fix.write!;
  const reason = typeof write.body.reason === "string" ? write.body.reason : null;

  const apply = async () => {
    setBusy(true);
    setError("");
    try {
      await apiJson(write.url, { method: write.method, body: write.body });
      notify.success(`${keyName}: ${fix.label.charAt(0).toLowerCase()}${fix.label.slice(1)}: done`);
      setConfirming(false);
      router.refresh();
      onFixed();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The fix failed.");
    } finally {
      setBusy(false);
    }
  };

  if (!confirming)
    return (
      <Button type="button" size="sm" onClick={() => setConfirming(true)}>
        {fix.label}
      </Button>
    );
  return (
    <div
      role="group"
      aria-label={`Confirm: ${fix.label}`}
      className="space-y-2 rounded-md border border-slate-300 p-3"
    >
      <p className="text-sm text-slate-800">
        {fix.label} on <span className="font-medium">{keyName}</span>?
        {reason ? (
          <span className="block text-xs text-slate-600">
            Recorded on the audit log with the reason: {reason}
          </span>
        ) : null}
      </p>
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={busy} onClick={() => void apply()} autoFocus>
          {busy ? "Applying…" : `Yes, ${fix.label.charAt(0).toLowerCase()}${fix.label.slice(1)}`}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={busy}
          onClick={() => setConfirming(false)}
        >
          Cancel
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
