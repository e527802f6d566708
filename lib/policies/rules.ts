// The rules admins can set for keys, as data: what each checks, whether it takes a number, and
// whether a create or a change can break it (only those can be enforced: a key's age or its
// silence is not something Keydesk can refuse at the moment of a write). Browser-safe: the
// policies page, the key's page and the inventory's filter read the same catalogue.

export const POLICY_KINDS = [
  "network_restriction",
  "no_unrestricted",
  "max_monthly_limit",
  "max_expiry_days",
  "rotated_within_days",
  "no_unused_days",
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** "report": list the keys that break it; "enforce": also refuse a create or change that would. */
export const POLICY_MODES = ["report", "enforce"] as const;
export type PolicyMode = (typeof POLICY_MODES)[number];

export interface PolicyRule {
  kind: PolicyKind;
  mode: PolicyMode;
  /** The rule's number (characters, days) where it takes one; null otherwise. */
  limit: number | null;
}

export interface PolicyInfo {
  /** What the rule asks, as a heading. */
  label: string;
  /** The rule with its number, as a sentence a key "breaks". */
  sentence: (limit: number | null) => string;
  /** What the number counts; null: the rule takes none. */
  unit: "characters" | "days" | null;
  /** The largest number the form takes. */
  max: number;
  /** A create or change can break it, so it can be enforced. */
  enforceable: boolean;
}

const n = (limit: number | null) => (limit ?? 0).toLocaleString("en-US");

export const POLICY_INFO: Record<PolicyKind, PolicyInfo> = {
  network_restriction: {
    label: "Network or origin restriction",
    sentence: () => "Every key must have an IP allowlist or an origin restriction.",
    unit: null,
    max: 0,
    enforceable: true,
  },
  no_unrestricted: {
    label: "No unrestricted keys",
    sentence: () => "No key may have every permission (ElevenLabs' all, DocSpace's * or *:write).",
    unit: null,
    max: 0,
    enforceable: true,
  },
  max_monthly_limit: {
    label: "Monthly limit",
    sentence: (limit) => `Every key must have a monthly limit of at most ${n(limit)} characters.`,
    unit: "characters",
    max: 1_000_000_000,
    enforceable: true,
  },
  max_expiry_days: {
    label: "Expiry",
    sentence: (limit) => `Keys that can expire must expire within ${n(limit)} days of being made.`,
    unit: "days",
    max: 3650,
    enforceable: true,
  },
  rotated_within_days: {
    label: "Rotation",
    sentence: (limit) => `Every key must have been made or rotated within the last ${n(limit)} days.`,
    unit: "days",
    max: 3650,
    enforceable: false,
  },
  no_unused_days: {
    label: "Unused keys",
    sentence: (limit) => `No key may go unused for more than ${n(limit)} days.`,
    unit: "days",
    max: 3650,
    enforceable: false,
  },
};

export function isPolicyKind(value: unknown): value is PolicyKind {
  return typeof value === "string" && (POLICY_KINDS as readonly string[]).includes(value);
}
