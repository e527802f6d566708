// The `changes` of an observed-change audit row: `{ field: { before, after } }` like every other key
// row, plus `presence`, so a reader can tell a key that appeared or vanished from one that changed:
//   created: presence absent → present, every field null → value
//   deleted: presence present → absent, every field value → null
//   changed: no presence; only the fields that differ
import type { AuditChanges } from "@/lib/audit/types";
import type { ObservedState } from "./space";
import { STATE_FIELDS } from "./state";

export type Presence = "absent" | "present";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function observedChanges(
  before: ObservedState | null,
  after: ObservedState | null,
  fields: readonly string[] = STATE_FIELDS,
): AuditChanges {
  const changes: AuditChanges = {};
  if (!before || !after) {
    changes.presence = {
      before: before ? "present" : "absent",
      after: after ? "present" : "absent",
    } satisfies { before: Presence; after: Presence };
  }
  for (const field of fields) {
    const was = before ? (before[field] ?? null) : null;
    const now = after ? (after[field] ?? null) : null;
    if (before && after && same(was, now)) continue;
    changes[field] = { before: was, after: now };
  }
  return changes;
}
