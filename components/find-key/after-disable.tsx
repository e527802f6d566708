"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RotateKeyDialog } from "@/components/keys/lazy-dialogs";
import type { DisabledKeyFacts } from "@/lib/find-key/incident-summary";
import { keyHref } from "@/lib/key-href";
import type { KeyView } from "@/lib/keys/view";
import { CopyIncidentSummary } from "./copy-incident-summary";

/**
 * What comes after "Disable now", on the key's row: its page, Rotate (for an admin, where Keydesk
 * can rotate it from here), and the incident summary for the ticket.
 */
export function AfterDisable({
  facts,
  rotatable,
  rotateElsewhere,
}: {
  facts: DisabledKeyFacts;
  /** The key, when this person may rotate it from here (an admin, a primary-connection key). */
  rotatable: KeyView | null;
  /** Rotation is possible, on the key's page only (another connection's key, for an admin). */
  rotateElsewhere?: boolean;
}) {
  const [rotating, setRotating] = useState(false);
  const [rotated, setRotated] = useState("");
  const name = facts.key.name;
  return (
    <div className="max-w-64 space-y-2 text-xs" role="group" aria-label={`Next steps for ${name}`}>
      <p className="font-medium text-slate-800">Next steps</p>
      <ul className="space-y-1">
        <li>
          <Link href={keyHref(facts.key)} className="font-medium text-indigo-700 hover:underline">
            Open key page<span className="sr-only"> of {name}</span>
          </Link>
          {rotateElsewhere ? <span className="text-slate-600"> (rotate it there)</span> : null}
        </li>
        {rotatable ? (
          <li>
            <Button type="button" size="xs" variant="secondary" onClick={() => setRotating(true)}>
              Rotate<span className="sr-only"> {name}</span>
            </Button>
          </li>
        ) : null}
        <li>
          <CopyIncidentSummary facts={facts} keyName={name} />
        </li>
      </ul>
      {rotatable ? (
        <p role="status" className="text-slate-700">
          {rotated}
        </p>
      ) : null}
      {rotating && rotatable ? (
        <RotateKeyDialog apiKey={rotatable} onClose={() => setRotating(false)} onDone={setRotated} />
      ) : null}
    </div>
  );
}
