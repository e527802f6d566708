"use client";

import { Button } from "@/components/ui/button";
import { useRef, useState } from "react";

/** Whether the secret was copied, and the second confirmation when closing before it was. */
export function useSecretGuard(onClose: () => void) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return {
    copied,
    confirming,
    markCopied: () => setCopied(true),
    requestClose: () => (copied ? onClose() : setConfirming(true)),
    cancelClose: () => setConfirming(false),
    reset: () => {
      setCopied(false);
      setConfirming(false);
    },
  };
}

export type SecretGuard = ReturnType<typeof useSecretGuard>;

/**
 * A new secret, shown once: a copy button, a warning that it will not be shown again, and a second
 * confirmation when the person closes before copying (the dialog's Escape goes through the guard too).
 */
export function SecretReveal({
  keyName,
  secret,
  guard,
  onClose,
}: {
  keyName: string;
  secret: string;
  guard: SecretGuard;
  onClose: () => void;
}) {
  const [copyError, setCopyError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const copy = async () => {
    setCopyError(null);
    try {
      await navigator.clipboard.writeText(secret);
      guard.markCopied();
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyError(
        "The browser did not let Keydesk copy. The secret is selected: press Ctrl+C (⌘C) to copy it.",
      );
    }
  };

  return (
    <div className="space-y-4">
      <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        The key {keyName} is ready.
      </p>
      <div>
        <label htmlFor="new-secret" className="block text-sm font-medium">
          Secret of {keyName}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            ref={inputRef}
            id="new-secret"
            readOnly
            value={secret}
            aria-describedby="new-secret-warning"
            onFocus={(e) => e.currentTarget.select()}
            onCopy={guard.markCopied}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
          <Button type="button" autoFocus onClick={copy} variant="primary" className="whitespace-nowrap">
            {guard.copied ? "Copied" : "Copy secret"}
          </Button>
        </div>
        <p id="new-secret-warning" className="mt-2 text-sm font-medium text-amber-900">
          Copy it now: Keydesk does not keep it and will not show it again. Anyone who has it can use the key.
        </p>
        <p aria-live="polite" className="mt-1 text-sm text-slate-700">
          {guard.copied ? "The secret is on your clipboard." : copyError}
        </p>
      </div>
      {guard.confirming ? (
        <div
          role="alertdialog"
          aria-labelledby="close-uncopied-title"
          aria-describedby="close-uncopied-text"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p id="close-uncopied-title" className="font-semibold">
            You have not copied the secret. Close anyway?
          </p>
          <p id="close-uncopied-text">
            It cannot be shown again; you would have to rotate the key to get a new one.
          </p>
          <div className="flex justify-end gap-2">
            <Button type="button" autoFocus onClick={guard.cancelClose} variant="secondary">
              Go back
            </Button>
            <button
              type="button"
              onClick={onClose}
              className="rounded-md bg-amber-700 px-3 py-2 text-sm font-semibold text-white hover:bg-amber-800"
            >
              Close without copying
            </button>
          </div>
        </div>
      ) : (
        <div className="flex justify-end">
          <Button type="button" onClick={guard.requestClose} variant={guard.copied ? "primary" : "secondary"}>
            Done
          </Button>
        </div>
      )}
    </div>
  );
}
