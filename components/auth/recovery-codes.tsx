"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";

/** The recovery codes, shown once right after two-factor sign-in is turned on or they are replaced: copy, download, done. */
export function RecoveryCodes({
  codes,
  onDone,
  announce = "Two-factor sign-in is on.",
}: {
  codes: string[];
  onDone: () => void;
  /** What just happened, said first (turned on, or the codes replaced). */
  announce?: string;
}) {
  const [copied, setCopied] = useState(false);
  const text = `Keydesk recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "keydesk-recovery-codes.txt";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section aria-labelledby="recovery-codes-title" className="space-y-3">
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        {announce}
      </p>
      <h3 id="recovery-codes-title" className="text-sm font-semibold">
        Your recovery codes
      </h3>
      <p className="text-sm text-slate-700">
        If you lose your authenticator app, sign in with one of these instead of a code. Each works once. Keep
        them somewhere safe: <strong>they are shown only now.</strong>
      </p>
      <ul
        aria-label="Recovery codes"
        className="grid max-w-sm grid-cols-2 gap-1 rounded-md bg-slate-100 p-3 font-mono text-sm"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(text)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button type="button" variant="secondary" onClick={download}>
          Download
        </Button>
        <Button type="button" variant="primary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </section>
  );
}
