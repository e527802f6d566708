// The audit log's action names, and plain words for them. The page shows both: the words to read, the name
// to filter by (the action filter matches names exactly).
const LABELS: Record<string, string> = {
  sign_in: "Signed in",
  sign_out: "Signed out",
  user_created: "User added",
  user_role_changed: "User's role changed",
  user_disabled: "User disabled",
  user_enabled: "User enabled",
  user_password_reset: "User's password reset",
  user_invite_created: "One-time password link made",
  user_invite_used: "Password set with a one-time link",
  user_invite_refused: "One-time password link refused",
  user_role_given: "Pending user given a role",
  user_sso_created: "User added by single sign-on",
  sign_in_sso: "Signed in with single sign-on",
  service_account_created: "Service account created",
  key_created: "Key created",
  key_updated: "Key changed",
  key_enabled: "Key enabled",
  key_disabled: "Key disabled",
  key_deleted: "Key deleted",
  key_rotated: "Key rotated",
  key_secret_revealed: "New secret shown once",
  key_observed_change: "Changed outside Keydesk",
  inventory_baseline: "First look at the workspace",
  inventory_exported: "Keys exported",
  audit_exported: "Audit log exported",
  key_search: "Searched for a leaked key",
  two_factor_enabled: "Two-factor sign-in turned on",
  two_factor_disabled: "Two-factor sign-in turned off",
  recovery_codes_replaced: "Recovery codes replaced",
  reauthenticated: "Confirmed it's them (step-up)",
  session_ended: "Ended one of their sessions",
  user_sessions_ended: "User's sessions ended",
  connection_created: "Connection added",
  connection_tested: "Connection tested",
  connection_renamed: "Connection renamed",
  connection_removed: "Connection removed",
  user_connections_changed: "User's connections changed",
  policies_changed: "Key policies changed",
  job_run_requested: "Job run asked for",
  alert_channel_created: "Alert channel added",
  alert_channel_removed: "Alert channel removed",
  alert_channel_tested: "Alert channel tested",
  rotation_finish_scheduled: "Rotation finish scheduled",
  rotation_finish_cancelled: "Scheduled rotation finish cancelled",
  bulk_change_started: "Bulk change started",
  bulk_change_cancelled: "Bulk change cancelled",
};

/** Every action name Keydesk writes, with its words: the audit filter offers them as suggestions. */
export const KNOWN_ACTIONS = Object.entries(LABELS).map(([action, label]) => ({ action, label }));

export function actionLabel(action: string): string | null {
  return LABELS[action] ?? null;
}

/** The actions a key change is recorded under (lib/keys writes them; lib/observed reads them back). */
export type KeyAction =
  | "key_created"
  | "key_updated"
  | "key_enabled"
  | "key_disabled"
  | "key_deleted"
  | "key_rotated"
  | "key_secret_revealed"
  | "service_account_created";
