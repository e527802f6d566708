// The audit rows observation writes. No actor (the system noticed, nobody acted here), outcome "ok"
// (the change is a fact upstream), one action name for created, changed and deleted so the audit
// page's exact action filter finds them all; `changes.presence` tells them apart (see changes.ts).
import "server-only";
import { entryColumns } from "@/lib/audit/append";
import type { AuditRowContent } from "@/lib/audit/types";
import { observedChanges } from "./changes";
import type { Difference } from "./diff";
import type { Space } from "./space";

export const OBSERVED_CHANGE = "key_observed_change";
/** Written once per scope when observing begins, instead of one row per key already there. */
export const INVENTORY_BASELINE = "inventory_baseline";

export function observedChangeRow(
  space: Space,
  d: Exclude<Difference, { kind: "baseline" }>,
): AuditRowContent {
  const before = d.kind === "created" ? null : (d.entry.state ?? null);
  const after = d.kind === "deleted" ? null : d.read.state;
  const serviceAccountId = d.kind === "deleted" ? d.entry.serviceAccountId : d.read.serviceAccountId;
  const keyId = d.kind === "deleted" ? d.entry.keyId : d.read.keyId;
  return entryColumns({
    action: OBSERVED_CHANGE,
    target: {
      connectionId: space.auditConnectionId(),
      // A provider without groups has none to name.
      serviceAccountId: space.groups ? serviceAccountId : null,
      keyId,
      name: (after ?? before)?.name ?? null,
    },
    changes: observedChanges(before, after, space.fields),
    outcome: "ok",
  });
}

/** `serviceAccountId` null: the whole workspace. */
export function baselineRow(
  space: Space,
  serviceAccountId: string | null,
  keyCount: number,
): AuditRowContent {
  return entryColumns({
    action: INVENTORY_BASELINE,
    target: { connectionId: space.auditConnectionId(), serviceAccountId },
    changes: { keysRecorded: { before: null, after: keyCount } },
    outcome: "ok",
  });
}
