// Enforced rules at the moment of a write: a create, or a change of the fields a rule is about,
// that would leave the key breaking it is refused with 422 before anything is sent upstream, naming
// the rule, why, and the form's field to fix (so the dialog shows it where the person types).
// Not checked: enabling or disabling, renaming, and rotation (a leaked key's replacement must never
// wait on a policy). Keys changed outside Keydesk are only reported (evaluate.ts), never touched.
import "server-only";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { policyBreaks } from "./evaluate";
import type { PolicyKind } from "./rules";
import { readPolicies } from "./store";
import { subjectOfIntended, type IntendedKey } from "./subject";

type IntendedField = keyof IntendedKey;

/** The fields of a write each enforceable rule is about. */
const RULE_FIELDS: Partial<Record<PolicyKind, readonly IntendedField[]>> = {
  network_restriction: ["ipAllowlist", "allowedOrigins"],
  no_unrestricted: ["permissions"],
  max_monthly_limit: ["characterLimit"],
  max_expiry_days: ["expiresInDays"],
};

export interface EnforceOptions {
  /** A change: only rules about these fields are checked. Absent: a create, every rule. */
  changed?: readonly IntendedField[];
  /** The form's own name for a field where it differs (the primary workspace's `allowedIps`). */
  fieldNames?: Partial<Record<IntendedField, string>>;
}

function fieldOf(kind: PolicyKind, capabilities: ProviderCapabilities, names: EnforceOptions["fieldNames"]) {
  const fields = RULE_FIELDS[kind] ?? [];
  // The network rule points at the restriction the provider has: an allowlist, else origins.
  const field =
    kind === "network_restriction" && !capabilities.ipAllowlist ? "allowedOrigins" : (fields[0] ?? "policy");
  return names?.[field as IntendedField] ?? field;
}

/** Throws a 422 when the key as intended breaks an enforced rule about what the write sets. */
export async function assertKeyKeepsPolicies(
  db: Db,
  intended: IntendedKey,
  capabilities: ProviderCapabilities,
  options: EnforceOptions = {},
): Promise<void> {
  if (options.changed?.length === 0) return; // a switch or a rename: no rule is about it
  const enforced = (await readPolicies(db)).filter(
    (rule) =>
      rule.mode === "enforce" &&
      (options.changed === undefined ||
        (RULE_FIELDS[rule.kind] ?? []).some((f) => options.changed!.includes(f))),
  );
  if (enforced.length === 0) return;
  const broken = policyBreaks(enforced, subjectOfIntended(intended, capabilities));
  if (broken.length === 0) return;
  const fields = broken.map((b) => ({
    path: [fieldOf(b.kind, capabilities, options.fieldNames)],
    message: `Refused by the policy “${b.rule}” ${b.reason}`,
  }));
  throw new ApiError("validation_failed", fields.map((f) => `${f.path[0]}: ${f.message}`).join(" "), {
    fields,
  });
}
