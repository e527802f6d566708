// Changing the rules: all of them at once, in one transaction with their audit row, so the log and
// the rules never disagree. The row names each rule that changed, before → after in words.
import "server-only";
import { appendChainedIn, entryColumns } from "@/lib/audit/append";
import type { AuditChanges } from "@/lib/audit/types";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { stepUpDetails } from "@/lib/auth/step-up";
import type { RequestInfo } from "@/lib/http/request-info";
import { POLICY_INFO, POLICY_KINDS, type PolicyRule } from "./rules";
import { readPolicies, writePolicies } from "./store";

/** A rule as the audit log shows it: "enforce: …sentence…", or null when off. */
const described = (rule: PolicyRule | undefined) =>
  rule ? `${rule.mode}: ${POLICY_INFO[rule.kind].sentence(rule.limit)}` : null;

export function policyChanges(before: readonly PolicyRule[], after: readonly PolicyRule[]): AuditChanges {
  const changes: AuditChanges = {};
  for (const kind of POLICY_KINDS) {
    const was = described(before.find((r) => r.kind === kind));
    const now = described(after.find((r) => r.kind === kind));
    if (was !== now) changes[POLICY_INFO[kind].label] = { before: was, after: now };
  }
  return changes;
}

export async function savePolicies(
  db: Db,
  ctx: { actor: Pick<SessionUser, "id" | "email" | "role">; info: RequestInfo },
  rules: readonly PolicyRule[],
): Promise<PolicyRule[]> {
  return db.transaction(async (tx) => {
    const before = await readPolicies(tx);
    await writePolicies(tx, rules, ctx.actor.id);
    const after = await readPolicies(tx);
    const changes = policyChanges(before, after);
    if (Object.keys(changes).length > 0)
      await appendChainedIn(tx, () => [
        entryColumns({
          action: "policies_changed",
          actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
          ip: ctx.info.ip,
          userAgent: ctx.info.userAgent,
          requestId: ctx.info.requestId,
          target: { name: "Key policies" },
          changes,
          details: stepUpDetails(ctx.info),
          outcome: "ok",
        }),
      ]);
    return after;
  });
}
