// Policy breaches the watch run newly found, as `policy_broken` alerts: after each run the policies
// (lib/policies, read-only) are evaluated over every key the run read, and a key that now breaks a
// rule it was not already known to break is told about once, in one alert for that key (every rule
// it newly breaks). What was told is remembered in `policy_breach_alerted` (migration 0019): a row
// per key and rule kind, removed when the key keeps the rule again or is gone, so a later breach is
// told again. A connection that could not be read changes nothing (nothing is known about its keys).
//
// A retried period does not tell twice: the rows are written before the alerts, and only the rows
// this try inserted are told (a try that died between the two loses those alerts rather than
// sending them twice, as for outside changes). A flood is cut: at most MAX_KEY_ALERTS keys are told
// one by one per run, the rest in one summary alert (turning on a rule over 10,000 keys must not
// send 10,000 messages).
import "server-only";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { AlertEvent } from "@/lib/alerts/events";
import type { ConnectionRead } from "@/lib/connections/read-all";
import type { Db } from "@/lib/db";
import { policyBreachAlerted } from "@/lib/db/schema";
import { toOtherInventoryKey } from "@/lib/inventory/read-others";
import { policyBreaks, readPolicies, subjectOfKey, type PolicyBreak } from "@/lib/policies";

/** Keys told about one by one in a run; beyond it, one summary alert. */
export const MAX_KEY_ALERTS = 20;
const BATCH = 500;

interface Breaking {
  connectionId: string;
  keyId: string;
  name: string;
  group: string | null;
  breaks: PolicyBreak[];
}

/** Every key of the successful reads that breaks at least one rule, with what it breaks. */
function breakingKeys(
  reads: readonly ConnectionRead[],
  rules: Parameters<typeof policyBreaks>[0],
  now: number,
) {
  const out: Breaking[] = [];
  for (const read of reads) {
    if (!read.ok) continue;
    for (const key of read.keys) {
      const breaks = policyBreaks(rules, subjectOfKey(toOtherInventoryKey(key), read.capabilities), now);
      if (breaks.length > 0)
        out.push({
          connectionId: read.connection.id,
          keyId: key.id,
          name: key.name,
          group: key.group?.id ?? null,
          breaks,
        });
    }
  }
  return out;
}

const rowKey = (connectionId: string, keyId: string, kind: string) => `${connectionId}\n${keyId}\n${kind}`;

/** Forgets the breaches of the read connections that no longer hold (kept again, or the key gone). */
async function forgetMended(
  db: Db,
  reads: readonly ConnectionRead[],
  breaking: readonly Breaking[],
  activeKinds: readonly string[],
) {
  const read = reads.filter((r) => r.ok).map((r) => r.connection.id);
  if (read.length === 0) return;
  // A rule turned off: all its rows at once (there may be thousands); the rest key by key.
  await db
    .delete(policyBreachAlerted)
    .where(
      and(
        inArray(policyBreachAlerted.connectionId, read),
        activeKinds.length > 0 ? notInArray(policyBreachAlerted.kind, [...activeKinds]) : undefined,
      ),
    );
  const current = new Set(
    breaking.flatMap((b) => b.breaks.map((x) => rowKey(b.connectionId, b.keyId, x.kind))),
  );
  const stored = await db
    .select()
    .from(policyBreachAlerted)
    .where(inArray(policyBreachAlerted.connectionId, read));
  for (const row of stored)
    if (!current.has(rowKey(row.connectionId, row.keyId, row.kind)))
      await db
        .delete(policyBreachAlerted)
        .where(
          and(
            eq(policyBreachAlerted.connectionId, row.connectionId),
            eq(policyBreachAlerted.keyId, row.keyId),
            eq(policyBreachAlerted.kind, row.kind),
          ),
        );
}

/** Records every current breach; answers the ones this call inserted (not known before). */
async function recordNew(db: Db, breaking: readonly Breaking[]): Promise<Set<string>> {
  const rows = breaking.flatMap((b) =>
    b.breaks.map((x) => ({ connectionId: b.connectionId, keyId: b.keyId, kind: x.kind })),
  );
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const written = await db
      .insert(policyBreachAlerted)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoNothing()
      .returning();
    for (const r of written) inserted.add(rowKey(r.connectionId, r.keyId, r.kind));
  }
  return inserted;
}

function keyAlert(key: Breaking, newly: PolicyBreak[], at: string): AlertEvent {
  const enforced = newly.some((b) => b.enforced);
  return {
    kind: "policy_broken",
    severity: "warning",
    title: `Key “${key.name}” breaks ${newly.length === 1 ? "a key policy" : `${newly.length} key policies`}${enforced ? " (enforced)" : ""}`,
    body: newly.map((b) => `${b.rule} ${b.reason}`).join("\n"),
    target: { connectionId: key.connectionId, group: key.group, keyId: key.keyId, name: key.name },
    at,
  };
}

/**
 * Evaluates the policies over the run's reads, remembers the breaches, and answers the alerts to
 * publish: one per key that newly breaks a rule (up to MAX_KEY_ALERTS), then one for the rest.
 */
export async function policyBrokenAlerts(
  db: Db,
  reads: readonly ConnectionRead[],
  now: Date = new Date(),
): Promise<AlertEvent[]> {
  const rules = await readPolicies(db);
  const breaking = breakingKeys(reads, rules, now.getTime());
  await forgetMended(
    db,
    reads,
    breaking,
    rules.map((r) => r.kind),
  );
  if (breaking.length === 0) return [];
  const inserted = await recordNew(db, breaking);
  const at = now.toISOString();
  const newlyBreaking = breaking
    .map((key) => ({
      key,
      newly: key.breaks.filter((b) => inserted.has(rowKey(key.connectionId, key.keyId, b.kind))),
    }))
    .filter((k) => k.newly.length > 0);
  const alerts = newlyBreaking.slice(0, MAX_KEY_ALERTS).map(({ key, newly }) => keyAlert(key, newly, at));
  const rest = newlyBreaking.length - alerts.length;
  if (rest > 0)
    alerts.push({
      kind: "policy_broken",
      severity: "warning",
      title: `${rest} more key${rest === 1 ? "" : "s"} newly break key policies`,
      body: `The watch job found ${newlyBreaking.length} keys newly breaking a rule; ${alerts.length} were told one by one. The Policies page lists every key that breaks a rule.`,
      at,
    });
  return alerts;
}
