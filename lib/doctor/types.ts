// The doctor's shapes: what it reads of a key, what it found in a pasted error, and the diagnosis
// it answers. Types only: the panel (components/doctor) names them too.

/** What the pasted text said, reduced to signals. Nothing pasted is kept beyond these. */
export interface PastedSignals {
  /** The HTTP status the caller got, when the text gives one. */
  status: number | null;
  /** ElevenLabs' `detail.code` (or legacy `detail.status`), when there is one. */
  code: string | null;
  kind: SignalKind | null;
  /** The permission the error names ("missing the permission voices_read"). */
  permission: string | null;
  /** The address the error names ("Requests from IP address 203.0.113.7 …"). */
  ip: string | null;
  /** The web origin the error names (Voiceable: "Origin https://shop.example is not allowed …"). */
  origin: string | null;
  /** The assistant id the error names (Voiceable: "Assistant asst_2 is not allowed …"). */
  assistant: string | null;
}

export type SignalKind =
  | "no_auth"
  | "invalid_key"
  | "missing_permission"
  | "ip_not_allowed"
  | "quota"
  | "expired"
  | "origin_not_allowed"
  | "assistant_not_allowed"
  | "transient_not_allowed"
  | "rate_limited"
  | "other";

/** A key as the doctor needs it, in any provider's terms (absent: the provider has no such thing). */
export interface KeyNow {
  id: string;
  name: string;
  /** The ElevenLabs service account id; null where the provider has no groups. */
  group: string | null;
  /** null: the provider has no on/off flag (Voiceable). */
  enabled: boolean | null;
  disableReason: string | null;
  permissions:
    | { kind: "permission_list"; value: "all" | string[] }
    | { kind: "scopes"; value: "all" | string[] }
    | { kind: "key_type"; value: string };
  characterLimit?: { limit: number | null; used: number | null };
  /** null: any address. */
  ipAllowlist?: string[] | null;
  /** [] = any origin. */
  allowedOrigins?: string[];
  /** The assistants it may use; [] = every one. */
  assistants?: string[];
  /** May it start calls with an inline (unsaved) assistant (Voiceable's transient_assistant)? */
  transient?: boolean;
  expiresAt: string | null;
}

/** The audit log's facts about a key, newest first where there are several. */
export interface KeyHistoryFacts {
  disabled: { at: string; by: string | null; reason: string | null; outside: boolean } | null;
  deleted: { at: string; by: string | null; reason: string | null; outside: boolean } | null;
  /** A rotation that replaced this key, with the new key's id. */
  rotatedTo: { at: string; by: string | null; newKeyId: string } | null;
}

export type CauseKind =
  | "rotated"
  | "deleted"
  | "disabled"
  | "expired"
  | "limit_reached"
  | "ip_not_allowed"
  | "missing_permission"
  | "origin_not_allowed"
  | "assistant_not_allowed"
  | "transient_not_allowed"
  | "limit_near";

/** A change a fix makes through the key's usual audited write endpoint (PATCH). */
export interface FixWrite {
  method: "PATCH";
  url: string;
  body: Record<string, unknown>;
}

export interface Fix {
  kind:
    | "enable"
    | "raise_limit"
    | "add_address"
    | "add_permission"
    | "add_origin"
    | "add_assistant"
    | "allow_transient"
    | "use_rotated_key"
    | "new_key";
  /** The button's words ("Enable the key", "Add 203.0.113.7 to the allowlist"). */
  label: string;
  /** What it does, for whoever may not do it (and for the ticket). */
  advice: string;
  /** Sent when the person clicks; null when the fix is not a write (use the rotated key). */
  write: FixWrite | null;
  /** May this person make it from here? (admin: every write; support: enable only; reviewer: none) */
  allowed: boolean;
  /** A page to go to for this fix (the new key's page). */
  href: string | null;
}

export interface Cause {
  kind: CauseKind;
  /** One plain sentence: what is wrong. */
  title: string;
  /** What shows it, each a plain sentence. */
  evidence: string[];
  /** Confirmed by the key as it is now (not only by the pasted error). */
  confirmed: boolean;
  fix: Fix | null;
}

export interface Check {
  what: string;
  result: "ok" | "problem" | "unknown" | "not_checked";
  detail: string;
}

export interface Diagnosis {
  key: { id: string; name: string | null; connectionId: string; group: string | null; found: boolean };
  /** Most likely first; empty when nothing explains the failure. */
  causes: Cause[];
  /** Every check made, in a fixed order, whatever it found. */
  checks: Check[];
  /** What the pasted text was read as, in words (never the text itself). */
  understood: string | null;
  /** The whole answer as text for a support ticket. */
  ticketText: string;
  checkedAt: string;
}
