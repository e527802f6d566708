// What a row says happened, in words: the action ("Key changed"; "Key created outside Keydesk" for an
// observed key that appeared), a failure named plainly ("Sign-in failed", "wrong email or password")
// instead of "Signed in · error · http_401", and how it ended. Pure and browser-safe.
import { actionLabel } from "./actions";
import { words } from "./describe-values";
import type { AuditEntry } from "./types";

type Row = Pick<AuditEntry, "action" | "outcome" | "errorCode" | "upstreamStatus" | "changes">;

// Why a sign-in was refused, from the codes lib/api/auth-route.ts, lib/auth/two-factor-sign-in.ts and
// lib/auth/sso-route.ts record. A 401 is better-auth's answer to a wrong email or password.
const SIGN_IN_REASONS: Record<string, string> = {
  http_401: "wrong email or password",
  http_403: "account not allowed to sign in",
  rate_limited: "too many tries, paused",
  invalid_totp_code: "wrong two-factor code",
  invalid_recovery_code: "wrong recovery code",
  second_factor_expired: "two-factor step timed out",
  no_session: "no session from the provider",
  access_denied: "refused at the provider",
  invalid: "the provider's answer was not accepted",
};

// Why anything else failed: ApiError codes, upstream error kinds (lib/elevenlabs/errors.ts) and the
// codes account and user actions record.
const REASONS: Record<string, string> = {
  wrong_password: "wrong password",
  invalid_code: "wrong code",
  required_for_role: "required for this role",
  last_admin: "would leave no enabled admin",
  rate_limited: "too many requests",
  expired: "expired",
  forged: "not a link Keydesk made",
  validation: "a value was refused",
  validation_failed: "a value was refused",
  bad_admin_key: "the connection's admin key was refused",
  missing_rights: "the connection's admin key may not do this",
  not_found: "not found upstream",
  rejected: "refused upstream",
  unavailable: "the provider could not be reached",
  bad_response: "the provider's answer was unreadable",
  timeout: "the provider did not answer in time",
  conflict: "changed by someone else first",
  forbidden: "not allowed",
  not_supported: "the provider cannot do this",
  invalid: "a value the provider does not accept",
  internal: "an error inside Keydesk",
};

export type Tone = "ok" | "error" | "warning";

export interface ActionWords {
  /** The headline: "Key changed", "Sign-in failed". */
  title: string;
  /** How it ended, in a word or two: "ok", "failed", "applied", "not applied", "outcome unknown". */
  outcome: string;
  /** Why, for an ending that has a reason: "wrong email or password", "not allowed (HTTP 403)". */
  detail: string | null;
  tone: Tone;
}

/** A code in words: a known one's meaning, an HTTP status as such, else the code spelled out. */
export function reasonText(code: string | null, table: Record<string, string> = REASONS): string | null {
  if (!code) return null;
  if (Object.hasOwn(table, code)) return table[code]!;
  if (Object.hasOwn(REASONS, code)) return REASONS[code]!;
  const http = /^http_(\d{3})$/.exec(code);
  return http ? `HTTP ${http[1]}` : words(code);
}

function title(row: Row, failed: boolean): string {
  if (row.action === "sign_in" && failed)
    return row.errorCode === "rate_limited" ? "Sign-in refused" : "Sign-in failed";
  if (row.action === "sign_in_sso" && failed) return "Single sign-on failed";
  if (row.action === "key_observed_change") {
    const presence = row.changes?.presence;
    if (presence?.before === "absent") return "Key created outside Keydesk";
    if (presence?.after === "absent") return "Key deleted outside Keydesk";
    return "Key changed outside Keydesk";
  }
  return (
    actionLabel(row.action) ?? (words(row.action) || "Unnamed action").replace(/^./, (c) => c.toUpperCase())
  );
}

export function describeAction(row: Row): ActionWords {
  const signIn = row.action === "sign_in" || row.action === "sign_in_sso";
  const reason = reasonText(row.errorCode, signIn ? SIGN_IN_REASONS : REASONS);
  const status = row.upstreamStatus && !signIn ? `HTTP ${row.upstreamStatus}` : null;
  const detail = reason && status ? `${reason} (${status})` : (reason ?? status);
  switch (row.outcome) {
    case "ok":
      return { title: title(row, false), outcome: "ok", detail: null, tone: "ok" };
    case "applied":
      // An uncertain write that re-reading found done: the error it answered with is the detail.
      return {
        title: title(row, false),
        outcome: "applied",
        detail: detail ? `confirmed by re-reading after: ${detail}` : "confirmed by re-reading",
        tone: "ok",
      };
    case "not_applied":
      return { title: title(row, true), outcome: "not applied", detail, tone: "error" };
    case "unknown":
      return { title: title(row, false), outcome: "outcome unknown", detail, tone: "warning" };
    default:
      return { title: title(row, true), outcome: "failed", detail, tone: "error" };
  }
}
