// The shapes of the audit log: what a caller records, what is stored, and what a reader sees.
import type { auditLog } from "@/lib/db/schema";

/** A stored row, exactly as the table holds it (`at` normalised to an ISO string, see at.ts). */
export type AuditRow = typeof auditLog.$inferSelect;

/** A row before its chain fields: every column except id, prev_hash and hash. */
export type AuditRowContent = Omit<AuditRow, "id" | "prevHash" | "hash">;

export interface AuditActor {
  userId?: string | null;
  email?: string | null;
  role?: string | null;
}

export interface AuditTarget {
  /** The connection the key or account belongs to (lib/connections). */
  connectionId?: string | null;
  serviceAccountId?: string | null;
  keyId?: string | null;
  /** The key's name, or the user's email for user actions. */
  name?: string | null;
  userId?: string | null;
}

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** What happened, who did it, to what: everything but the outcome. */
export interface AuditEvent {
  action: string;
  actor?: AuditActor;
  ip?: string | null;
  userAgent?: string | null;
  /** Keydesk's own request id for the request that did this. */
  requestId?: string | null;
  target?: AuditTarget;
  changes?: AuditChanges | null;
  reason?: string | null;
  /** How it was done, e.g. `{ steppedUp: true, verifiedAt }` (see lib/auth/step-up.ts). */
  details?: Record<string, unknown> | null;
}

/**
 * What re-reading the upstream showed after a write whose answer was lost or an error (a 5xx, a cut
 * connection, a timeout, an unreadable answer): the change is there, it is not, or Keydesk could not
 * tell (the re-read failed too, or what it found fits neither).
 */
export type Reconciliation = "applied" | "not_applied" | "unknown";

/**
 * How it ended: ok (the upstream said so), an error (refused, or nothing was tried), or, for an
 * uncertain write, what re-reading found, with the error the upstream answered.
 */
export type AuditOutcome =
  | { outcome: "ok"; upstreamStatus?: number | null; upstreamRequestId?: string | null }
  | {
      outcome: "error" | Reconciliation;
      errorCode: string;
      upstreamStatus?: number | null;
      upstreamRequestId?: string | null;
    };

/** A finished event, written as one row (sign-in, a reveal, an export, a role change…). */
export type AuditEntryInput = AuditEvent & AuditOutcome;

/**
 * What a reader sees: an attempt merged with its completion, or a one-row event. An attempt that
 * was never completed (the process died between the two) shows as "unknown".
 */
export interface AuditEntry {
  id: number;
  at: string;
  requestId: string | null;
  actor: { userId: string | null; email: string | null; role: string | null };
  ip: string | null;
  userAgent: string | null;
  action: string;
  target: {
    connectionId: string | null;
    serviceAccountId: string | null;
    keyId: string | null;
    name: string | null;
    userId: string | null;
  };
  changes: AuditChanges | null;
  reason: string | null;
  details?: Record<string, unknown> | null;
  /** "unknown" also for an attempt never completed (the process died between the two rows). */
  outcome: "ok" | "error" | Reconciliation;
  errorCode: string | null;
  upstreamStatus: number | null;
  upstreamRequestId: string | null;
  /** The completion row's id and time, for an attempt that was completed. */
  completionId: number | null;
  completedAt: string | null;
}
