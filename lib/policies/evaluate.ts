// Which rules a key breaks, and why, in words. Pure: the same for the inventory's 10,000 rows, a
// key's page and a create that is about to be sent.
import { POLICY_INFO, type PolicyKind, type PolicyRule } from "./rules";
import type { PolicySubject } from "./subject";

export interface PolicyBreak {
  kind: PolicyKind;
  /** The rule, as a sentence. */
  rule: string;
  /** What about this key breaks it. */
  reason: string;
  enforced: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const count = (value: number) => value.toLocaleString("en-US");
const daysSince = (iso: string | null | undefined, now: number) => {
  const at = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(at) ? null : Math.floor((now - at) / DAY_MS);
};

/** Why `subject` breaks `rule`, or null when it keeps it (or the rule does not apply to its provider). */
export function breakReason(rule: PolicyRule, subject: PolicySubject, now: number): string | null {
  const limit = rule.limit ?? 0;
  switch (rule.kind) {
    case "network_restriction":
      return subject.networkRestricted === false ? "It can be used from any address and any origin." : null;
    case "no_unrestricted":
      return subject.unrestricted ? "It has every permission." : null;
    case "max_monthly_limit":
      if (subject.characterLimit === undefined) return null;
      if (subject.characterLimit === null) return "It has no monthly limit.";
      return subject.characterLimit > limit
        ? `Its monthly limit is ${count(subject.characterLimit)} characters.`
        : null;
    case "max_expiry_days":
      if (subject.expiresAfterDays === undefined) return null;
      if (subject.expiresAfterDays === null) return "It never expires.";
      return subject.expiresAfterDays > limit
        ? `It expires ${count(Math.ceil(subject.expiresAfterDays))} days after it was made.`
        : null;
    case "rotated_within_days": {
      const age = daysSince(subject.createdAt, now);
      return age !== null && age > limit ? `It was made ${count(age)} days ago.` : null;
    }
    case "no_unused_days": {
      const age = daysSince(subject.createdAt, now);
      if (subject.lastUsedAt !== undefined) {
        const idle = daysSince(subject.lastUsedAt ?? subject.createdAt, now);
        if (idle === null || idle <= limit) return null;
        return subject.lastUsedAt === null
          ? `It has never been used, in the ${count(idle)} days since it was made.`
          : `It was last used ${count(idle)} days ago.`;
      }
      // Only this month's use is known (ElevenLabs): unused this month and older than the limit.
      if (subject.usedThisMonth === false && age !== null && age > limit)
        return `It is ${count(age)} days old and has not been used this month.`;
      return null;
    }
  }
}

/** Every rule `subject` breaks, in the rules' order. */
export function policyBreaks(
  rules: readonly PolicyRule[],
  subject: PolicySubject,
  now = Date.now(),
): PolicyBreak[] {
  const breaks: PolicyBreak[] = [];
  for (const rule of rules) {
    const reason = breakReason(rule, subject, now);
    if (reason !== null)
      breaks.push({
        kind: rule.kind,
        rule: POLICY_INFO[rule.kind].sentence(rule.limit),
        reason,
        enforced: rule.mode === "enforce",
      });
  }
  return breaks;
}
