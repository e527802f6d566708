"use client";

import { Button } from "@/components/ui/button";
import { useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { InviteLink } from "@/lib/users/queries";

export interface ShownInvite extends InviteLink {
  email: string;
  /** "new_user": just added; "reset": their password was reset. */
  purpose: "new_user" | "reset";
}

/** The one-time link, shown once with a copy button: Keydesk keeps only its hash and never shows it again. */
export function InviteLinkDialog({ invite, onClose }: { invite: ShownInvite | null; onClose: () => void }) {
  return (
    <Dialog
      open={invite !== null}
      onClose={onClose}
      title={invite ? `One-time link for ${invite.email}` : "One-time link"}
      wide
    >
      {invite ? <LinkBody invite={invite} onClose={onClose} /> : null}
    </Dialog>
  );
}

function LinkBody({ invite, onClose }: { invite: ShownInvite; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const [copyError, setCopyError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const until = new Date(invite.expiresAt).toLocaleString();

  const copy = async () => {
    setCopyError(null);
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied(true);
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyError(
        "The browser did not let Keydesk copy. The link is selected: press Ctrl+C (⌘C) to copy it.",
      );
    }
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {invite.purpose === "new_user"
          ? `Send this link to ${invite.email}: with it they choose their own password.`
          : `The old password of ${invite.email} no longer works and their sessions have ended. Send them this link to choose a new one.`}
      </p>
      <div>
        <label htmlFor="invite-link" className="block text-sm font-medium">
          Link for {invite.email}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            ref={inputRef}
            id="invite-link"
            readOnly
            value={invite.url}
            aria-describedby="invite-link-warning"
            onFocus={(e) => e.currentTarget.select()}
            onCopy={() => setCopied(true)}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
          <Button type="button" autoFocus onClick={copy} variant="primary" className="whitespace-nowrap">
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
        <p id="invite-link-warning" className="mt-2 text-sm font-medium text-amber-900">
          It works once, until {until}. Copy it now: Keydesk does not keep it and will not show it again.
        </p>
        <p aria-live="polite" className="mt-1 text-sm text-slate-700">
          {copied ? "The link is on your clipboard." : copyError}
        </p>
      </div>
      <div className="flex justify-end">
        <Button type="button" onClick={onClose} variant={copied ? "primary" : "secondary"}>
          Done
        </Button>
      </div>
    </div>
  );
}
