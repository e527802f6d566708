// Enforced rules at the moment of a write: a create or change that would leave the key breaking
// one is refused with 422 before anything is sent upstream, naming the rule, why, and the form's
// field to fix (so the dialog shows it where the person types). Keys changed outside Keydesk are
// only reported (evaluate.ts), never touched.
import "server-only";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { policyBreaks } from "./evaluate";
import type { PolicyKind } from "./rules";
import { readPolicies } from "./store";
import { subjectOfIntended, type IntendedKey } from "./subject";

/** The create and edit forms' field each enforceable rule is about. */
const FIELD: Partial<Record<PolicyKind, string>> = {
  network_restriction: "ipAllowlist",
  no_unrestricted: "permissions",
  max_monthly_limit: "characterLimit",
  max_expiry_days: "expiresInDays",
};

/** Throws a 422 when the key as intended breaks an enforced rule. */
export async function assertKeyKeepsPolicies(
  db: Db,
  intended: IntendedKey,
  capabilities: ProviderCapabilities,
): Promise<void> {
  const enforced = (await readPolicies(db)).filter((rule) => rule.mode === "enforce");
  if (enforced.length === 0) return;
  const broken = policyBreaks(enforced, subjectOfIntended(intended, capabilities));
  if (broken.length === 0) return;
  const fields = broken.map((b) => ({
    path: [FIELD[b.kind] ?? "policy"],
    message: `Refused by the policy “${b.rule}” ${b.reason}`,
  }));
  throw new ApiError("validation_failed", fields.map((f) => `${f.path[0]}: ${f.message}`).join(" "), {
    fields,
  });
}
