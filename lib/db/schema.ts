// Keydesk's one PostgreSQL schema (PGlite embedded, or a PostgreSQL server). The first six tables
// are better-auth's (users, sessions, password accounts, verification tokens, two-factor secrets,
// rate-limit counters), with its admin plugin's role and ban fields; then the audit log, the key rotations, and the last
// inventory Keydesk saw (to notice changes made outside it).
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  role: text("role"),
  banned: boolean("banned").default(false),
  banReason: text("ban_reason"),
  banExpires: timestamp("ban_expires", { withTimezone: true }),
  /** better-auth's two-factor plugin: true once a TOTP enrolment is confirmed with a code. */
  twoFactorEnabled: boolean("two_factor_enabled").default(false),
  ...timestamps,
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
    /** Keydesk's own (better-auth does not know it): when the person last re-entered their password (and code) for a
     * dangerous action. With created_at (the sign-in), it says how recent the session's sign-in is (lib/auth/step-up.ts). */
    reauthenticatedAt: timestamp("reauthenticated_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("session_user_id_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("account_user_id_idx").on(t.userId)],
);

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  ...timestamps,
});

/**
 * better-auth's two-factor plugin: one row per enrolled (or enrolling, verified = false) user. The
 * TOTP secret and the recovery codes are encrypted by better-auth with the auth secret.
 */
export const twoFactor = pgTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    verified: boolean("verified").default(true),
    failedVerificationCount: integer("failed_verification_count").default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [uniqueIndex("two_factor_user_id_idx").on(t.userId)],
);

export const rateLimit = pgTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

/**
 * Append-only and hash-chained: each row carries the previous row's hash and its own, so an
 * edited or removed row is detectable. An upstream change is two rows: the attempt (outcome
 * "pending"), written before the call, and its completion (`completes` = the attempt's id),
 * written after; an attempt with no completion is an outcome Keydesk never learned.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
    requestId: text("request_id"),
    actorUserId: text("actor_user_id"),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    action: text("action").notNull(),
    serviceAccountId: text("service_account_id"),
    keyId: text("key_id"),
    /** The key's name, or the user's email for user actions. */
    targetName: text("target_name"),
    targetUserId: text("target_user_id"),
    /** `{ field: { before, after } }` for the fields that changed. */
    changes: jsonb("changes").$type<Record<string, { before: unknown; after: unknown }>>(),
    reason: text("reason"),
    /**
     * "pending" (an attempt), "ok", or "error"; on the completion of a write whose answer left it
     * uncertain, what re-reading the upstream found: "applied", "not_applied" or "unknown".
     */
    outcome: text("outcome").notNull(),
    errorCode: text("error_code"),
    upstreamStatus: integer("upstream_status"),
    upstreamRequestId: text("upstream_request_id"),
    /** For a completion row: the id of the attempt it completes. */
    completes: bigint("completes", { mode: "number" }),
    /** More about how it was done, e.g. `{ steppedUp: true, verifiedAt }` for a dangerous action after a fresh sign-in.
     * Hashed only when set, so rows written before the column existed keep their hashes. */
    details: jsonb("details").$type<Record<string, unknown>>(),
    /** The connection (lib/connections) whose key or account the row is about; null for rows about Keydesk
     * itself (sign-ins, users) and for rows written before connections existed. Hashed only when set. */
    connectionId: text("connection_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorEmail),
    index("audit_log_action_idx").on(t.action),
    index("audit_log_key_idx").on(t.keyId),
    index("audit_log_completes_idx").on(t.completes),
    index("audit_log_connection_idx").on(t.connectionId),
  ],
);

/**
 * Keydesk's own record of key rotations, which ElevenLabs knows nothing about: a new key made to
 * replace an old one. Unfinished (finished_at null) until the old key is disabled or deleted
 * through Keydesk; until then both keys show they are paired.
 */
export const keyRotation = pgTable(
  "key_rotation",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    serviceAccountId: text("service_account_id").notNull(),
    oldKeyId: text("old_key_id").notNull(),
    newKeyId: text("new_key_id").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
    /** The Keydesk user id of the admin who started it. */
    startedBy: text("started_by").notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "string" }),
    finishedBy: text("finished_by"),
  },
  (t) => [index("key_rotation_old_key_idx").on(t.oldKeyId), index("key_rotation_new_key_idx").on(t.newKeyId)],
);

/**
 * The last state Keydesk saw of each key, so a later read can tell what changed outside Keydesk
 * (lib/observed). One row per key id, never a secret. A deleted key keeps its row as a tombstone
 * (deleted_at set), so a slower read that began before the deletion cannot bring it back.
 */
export const keySnapshot = pgTable(
  "key_snapshot",
  {
    /**
     * Whose key: "primary" (SNAPSHOT_PRIMARY in lib/observed: the primary ElevenLabs workspace,
     * whichever of its two ids this process gives it; every row before migration 0011) or another
     * connection's id. Key ids are unique only within a connection.
     */
    connectionId: text("connection_id").notNull().default("primary"),
    keyId: text("key_id").notNull(),
    serviceAccountId: text("service_account_id").notNull(),
    name: text("name").notNull(),
    /** `{ name, enabled, permissions, characterLimit, allowedIps }`, normalised (see lib/observed/state.ts). */
    state: jsonb("state").notNull().$type<Record<string, unknown>>(),
    /** A short hash of `state`, so an unchanged read compares ids and digests only. */
    digest: text("digest").notNull(),
    /** How Keydesk first learned of the key: "keydesk" (made it), "baseline" (there when observing began) or "outside". */
    origin: text("origin").notNull().$type<"keydesk" | "baseline" | "outside">(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
    /** A time by which the row's state was known to be true (a read's end, or Keydesk's own write). */
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.connectionId, t.keyId] }),
    index("key_snapshot_service_account_idx").on(t.connectionId, t.serviceAccountId),
  ],
);

/**
 * Where observing has begun: "*" for the whole workspace, or one service account's id (its page
 * was read before the whole inventory was). Keys first seen in a scope without a row here are
 * the baseline, recorded without an audit row each.
 */
export const keySnapshotBaseline = pgTable(
  "key_snapshot_baseline",
  {
    /** As in key_snapshot: "primary", or another connection's id (whose only scope is "*"). */
    connectionId: text("connection_id").notNull().default("primary"),
    scope: text("scope").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
    keyCount: integer("key_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.scope] })],
);

/**
 * Change counters: one row per group of tables, moved by a trigger in the writer's own transaction
 * on every statement that writes one of them, whoever writes (migrations 0007, 0008). A process that
 * remembers what it read as of a counter's value learns from that one row whether anyone (itself,
 * another Keydesk on the same server, an operator with psql) may have changed those tables since
 * (lib/db/change-counter.ts). `auth`: user and session; `key_snapshot`: the snapshot and its markers;
 * `key_rotation`: the rotation pairings.
 */
export const changeCounter = pgTable("change_counter", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull().default(0),
});

/**
 * One-time links that let a user set their own password: made when an admin adds them or resets
 * their password. Only the SHA-256 of the link's token is kept; a link works once, until expires_at.
 */
export const userInvite = pgTable(
  "user_invite",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** "new_user" (added by an admin) or "reset" (a password reset). */
    purpose: text("purpose").notNull().$type<"new_user" | "reset">(),
    /** The admin who made it. */
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("user_invite_user_id_idx").on(t.userId)],
);

/**
 * Sign-in attempts per account (lib/auth/sign-in-throttle.ts): each attempt takes a slot here
 * before its password is checked, in one atomic statement, so concurrent guesses (on any number of
 * instances) cannot all pass a check before a failure is counted. A success clears the row.
 */
export const signInGuard = pgTable(
  "sign_in_guard",
  {
    email: text("email").primaryKey(),
    attempts: integer("attempts").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("sign_in_guard_window_idx").on(t.windowStartedAt)],
);

/**
 * Upstream accounts added on the Connections page (lib/connections). Connections declared in
 * KEYDESK_CONNECTIONS_FILE or by ELEVENLABS_API_KEY are not stored: they are read at start. The
 * credential is only ever stored encrypted (AES-256-GCM, the row's id as additional data, so a
 * ciphertext copied to another row does not decrypt), with the id of the key that encrypted it (so
 * it can be re-encrypted under a new one) and its last four characters, the one part ever shown.
 */
export const connection = pgTable("connection", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  provider: text("provider").notNull(),
  baseUrl: text("base_url").notNull(),
  credentialCiphertext: text("credential_ciphertext").notNull(),
  credentialKeyId: text("credential_key_id").notNull(),
  credentialHint: text("credential_hint").notNull(),
  createdBy: text("created_by"),
  ...timestamps,
});

/**
 * Which connections a user may use. No row for a user: every connection. Not a foreign key to
 * `connection`: connections from the file or the environment have no row there, and a removed
 * connection's rows stay, so a user limited to it stays limited (to nothing) rather than being
 * widened to everything.
 */
export const userConnection = pgTable(
  "user_connection",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    connectionId: text("connection_id").notNull(),
  },
  (t) => [uniqueIndex("user_connection_pk").on(t.userId, t.connectionId)],
);

// Policies (lib/policies): the rules admins set for keys, one row per rule that is on. No row: off.
export const keyPolicy = pgTable("key_policy", {
  kind: text("kind").primaryKey(),
  /** "report" or "enforce". */
  mode: text("mode").notNull(),
  /** The rule's number (characters, days), where it takes one. */
  limit: bigint("limit", { mode: "number" }),
  updatedBy: text("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
// ---- jobs (issue 14): what the watch job reads of each key's usage, once per run ----

/**
 * One key's usage as one watch run read it (lib/jobs/watch). A run's time is its schedule period
 * (the same for every instance), so a run retried after a crash writes the same rows again, which
 * the unique index turns into nothing. `used`/`limit`: the provider's character count and cap,
 * null where it reports none. Holds no secret: ids, counts and a time.
 */
export const keyUsageSample = pgTable(
  "key_usage_sample",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    connectionId: text("connection_id").notNull(),
    /** The key's group (an ElevenLabs service account); null where the provider has none. */
    groupId: text("group_id"),
    keyId: text("key_id").notNull(),
    sampledAt: timestamp("sampled_at", { withTimezone: true, mode: "string" }).notNull(),
    used: bigint("used", { mode: "number" }),
    limit: bigint("limit", { mode: "number" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [uniqueIndex("key_usage_sample_run_idx").on(t.connectionId, t.keyId, t.sampledAt)],
);

// ---- Alerts (issue 14, lib/alerts): the channels alerts go to, and every delivery to one. ----

/**
 * A place alerts are sent: a signed webhook, a Slack-compatible incoming webhook, or email over SMTP.
 * `config` holds what may be shown (a URL without its secret part, SMTP host, port, sender, recipients);
 * the secret (the webhook's signing secret, the Slack URL, the SMTP password) is encrypted as connection
 * credentials are (lib/connections/crypto.ts, the channel's id as additional data) and shown only as
 * its last four characters. `kinds`: the alert kinds it gets, none listed meaning every kind.
 */
export const alertChannel = pgTable("alert_channel", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  name: text("name").notNull().unique(),
  config: jsonb("config").notNull(),
  secretCiphertext: text("secret_ciphertext"),
  secretKeyId: text("secret_key_id"),
  secretHint: text("secret_hint").notNull().default(""),
  enabled: boolean("enabled").notNull().default(true),
  kinds: jsonb("kinds").$type<string[]>().notNull().default([]),
  minSeverity: text("min_severity").notNull().default("info"),
  createdBy: text("created_by"),
  ...timestamps,
});

/**
 * One alert to one channel: what was sent (the event, which never holds a secret), how often it was
 * tried, when it is next due, and how the last try ended (the receiver's HTTP status, an error
 * without secrets). Not a foreign key to the channel: the log outlives a removed channel.
 */
export const alertDelivery = pgTable(
  "alert_delivery",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    channelId: text("channel_id").notNull(),
    channelName: text("channel_name").notNull(),
    eventKind: text("event_kind").notNull(),
    event: jsonb("event").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    responseStatus: integer("response_status"),
    ...timestamps,
  },
  (t) => [
    index("alert_delivery_due").on(t.status, t.nextAttemptAt),
    index("alert_delivery_created").on(t.createdAt),
  ],
);

// --- Leak reports from scanners (lib/leaks, issue 14; migration 0014) ---

/**
 * One token a scanner reported public, and what Keydesk did about it. Never the token, nor any part
 * or hash of it: the key it matched (connection, group, id, name) is what identifies the finding,
 * and the URL where it was found tells two findings of one key apart.
 */
export const leakReport = pgTable(
  "leak_report",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    foundAt: timestamp("found_at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
    /** "github" or "generic". */
    scanner: text("scanner").notNull(),
    /** The message it came in (leak_message.hash), to list a message's tokens together. */
    messageHash: text("message_hash").notNull(),
    /** The scanner's name for the token's format, e.g. "elevenlabs_api_key". */
    tokenType: text("token_type"),
    url: text("url"),
    /** Where the scanner saw it, e.g. "content", "commit", "gist". */
    source: text("source"),
    connectionId: text("connection_id"),
    groupId: text("group_id"),
    keyId: text("key_id"),
    keyName: text("key_name"),
    /** lib/leaks/types.ts LeakOutcome. */
    outcome: text("outcome").notNull(),
  },
  (t) => [
    index("leak_report_found_at_idx").on(t.foundAt),
    index("leak_report_key_idx").on(t.connectionId, t.keyId),
  ],
);

/** Messages already taken, by a hash of their raw body: a replayed message is refused. Kept for a retention period. */
export const leakMessage = pgTable(
  "leak_message",
  {
    hash: text("hash").primaryKey(),
    scanner: text("scanner").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index("leak_message_received_at_idx").on(t.receivedAt)],
);

/**
 * Finishing a rotation on a timetable (lib/rotation-schedule): disable the old key at one time,
 * delete it at another (either or both), done by the `rotation-deadlines` job on behalf of the
 * admin who set it. A step's state: "pending", "done", "failed" (after its tries) or "skipped"; its note says
 * how it ended ("already disabled outside Keydesk"). At most one open schedule per key.
 */
export const rotationFinish = pgTable(
  "rotation_finish",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** "primary" (the primary ElevenLabs workspace, either of its ids) or another connection's id. */
    connectionId: text("connection_id").notNull(),
    /** The key's group (service account) where the provider has groups. */
    groupId: text("group_id"),
    /** The key to finish: the old key of the rotation. */
    keyId: text("key_id").notNull(),
    /** Its replacement, where Keydesk paired them (the primary workspace). */
    newKeyId: text("new_key_id"),
    keyName: text("key_name"),
    disableAt: timestamp("disable_at", { withTimezone: true, mode: "string" }),
    disableState: text("disable_state").$type<"pending" | "done" | "failed" | "skipped">(),
    disableNote: text("disable_note"),
    deleteAt: timestamp("delete_at", { withTimezone: true, mode: "string" }),
    deleteState: text("delete_state").$type<"pending" | "done" | "failed" | "skipped">(),
    deleteNote: text("delete_note"),
    /** Failed tries of the step under way (reset when a step is done). */
    tries: integer("tries").notNull().default(0),
    /** Keydesk's own words for the last failure (never an upstream's text or a secret). */
    lastError: text("last_error"),
    scheduledBy: text("scheduled_by").notNull(),
    scheduledByEmail: text("scheduled_by_email").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`now()`),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "string" }),
    cancelledBy: text("cancelled_by"),
    /** Set when no step is left pending (done, failed or cancelled). */
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [
    uniqueIndex("rotation_finish_open_key_idx")
      .on(t.connectionId, t.keyId)
      .where(sql`"closed_at" IS NULL`),
    index("rotation_finish_new_key_idx").on(t.connectionId, t.newKeyId),
  ],
);

// ---- jobs (issue 14): which policy breaches the watch job has alerted about ----

/**
 * One key breaking one rule (its kind), alerted by the watch job (lib/jobs/watch/policy-alerts.ts):
 * a row means "already told"; it goes when the key keeps the rule again (or is gone), so breaking it
 * again later is told again.
 */
export const policyBreachAlerted = pgTable(
  "policy_breach_alerted",
  {
    connectionId: text("connection_id").notNull(),
    keyId: text("key_id").notNull(),
    kind: text("kind").notNull(),
    alertedAt: timestamp("alerted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.keyId, t.kind] })],
);

// ---- bulk changes (issue 14): many keys enabled, disabled or deleted by a job (lib/bulk) ----

/**
 * One bulk change a person asked for: what, why, who (and the step-up their request passed, for the
 * audit rows), and how far its job has got. `state`: queued | running | finished | cancelled.
 * `run_id`/`lease_until`: the job run working on it now, and until when its claim holds (lib/bulk/lease.ts).
 */
export const bulkChange = pgTable(
  "bulk_change",
  {
    id: text("id").primaryKey(),
    /** "enable" | "disable" | "delete". */
    action: text("action").notNull(),
    reason: text("reason"),
    startedById: text("started_by_id").notNull(),
    startedByEmail: text("started_by_email").notNull(),
    ip: text("ip"),
    stepUp: jsonb("step_up"),
    state: text("state").notNull().default("queued"),
    runId: text("run_id"),
    leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "string" }),
    cancelledBy: text("cancelled_by"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true, mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [index("bulk_change_created_at_idx").on(t.createdAt)],
);

/**
 * One key of a bulk change, in the order asked. `state`: pending | working | done | skipped |
 * failed | cancelled; `message` says why (never an upstream's secret: Keydesk's own error text).
 */
export const bulkChangeKey = pgTable(
  "bulk_change_key",
  {
    bulkChangeId: text("bulk_change_id")
      .notNull()
      .references(() => bulkChange.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    connectionId: text("connection_id").notNull(),
    keyId: text("key_id").notNull(),
    /** The service account (primary connection) or the provider's group, where there is one. */
    groupId: text("group_id"),
    name: text("name"),
    expectedEnabled: boolean("expected_enabled"),
    state: text("state").notNull().default("pending"),
    message: text("message"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.bulkChangeId, t.position] })],
);

export const schema = {
  user,
  session,
  account,
  verification,
  twoFactor,
  rateLimit,
  auditLog,
  keyRotation,
  keySnapshot,
  keySnapshotBaseline,
  changeCounter,
  userInvite,
  signInGuard,
  connection,
  userConnection,
  keyPolicy,
  keyUsageSample,
  alertChannel,
  alertDelivery,
  leakReport,
  leakMessage,
  rotationFinish,
  policyBreachAlerted,
  bulkChange,
  bulkChangeKey,
};
export type Schema = typeof schema;
