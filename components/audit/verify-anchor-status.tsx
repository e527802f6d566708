"use client";
// One line under the Verify button: whether the log is anchored outside the database, with what
// key, how often, and when last. Real mode without a key says anchoring is off and what to set.
import type { AnchorStatus } from "@/lib/audit/anchor-types";
import { useAnchorStatus } from "@/lib/audit/anchor-queries";
import { AnchorStatusReading } from "./anchor-status-reading";
import { LocalTime } from "./local-time";

function every(minutes: number): string {
  if (minutes === 0) return "only when run from the Jobs page";
  if (minutes % 60 === 0) return minutes === 60 ? "every hour" : `every ${minutes / 60} hours`;
  return minutes === 1 ? "every minute" : `every ${minutes} minutes`;
}

function Words({ status }: { status: AnchorStatus }) {
  const last = status.lastAt ? (
    <>
      ; last <LocalTime iso={status.lastAt} />
    </>
  ) : (
    "; none yet"
  );
  switch (status.mode) {
    case "off":
      return (
        <>
          Anchoring is off: rows cut off the end of the log cannot be detected. Set{" "}
          <code>KEYDESK_AUDIT_ANCHOR_KEY</code> (an Ed25519 private key).
        </>
      );
    case "check_only":
      return <>Anchors are checked with the public key, and signed elsewhere{last}.</>;
    case "demo":
      return (
        <>
          Anchored {every(status.everyMinutes)} with a <strong>demo anchoring key</strong> kept in the data
          folder (it proves nothing against someone who can read that folder){last}.
        </>
      );
    case "on":
      return (
        <>
          Anchored {every(status.everyMinutes)}, signed outside the database{last}.
        </>
      );
  }
}

export function VerifyAnchorStatus() {
  const status = useAnchorStatus();
  if (status.isPending) return <AnchorStatusReading />;
  if (status.isError)
    return <p className="text-xs text-red-800">Anchoring status could not be read: {status.error.message}</p>;
  return (
    <p className={`text-xs ${status.data.mode === "off" ? "text-amber-800" : "text-slate-600"}`}>
      <Words status={status.data} />
    </p>
  );
}
