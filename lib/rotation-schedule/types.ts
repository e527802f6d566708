// A rotation's finish on a timetable, as the API answers it and the key page shows it (plain JSON,
// browser-safe: no server imports).

/** "skipped": not done on purpose (the rotation was abandoned: its replacement is gone). */
export type StepState = "pending" | "done" | "failed" | "skipped";

export interface FinishStep {
  /** When Keydesk does it (ISO 8601). */
  at: string;
  state: StepState;
  /** How it ended, in words ("already disabled outside Keydesk"); null while pending. */
  note: string | null;
}

export interface FinishSchedule {
  id: number;
  /** The key it finishes (the old key of the rotation). */
  keyId: string;
  /** Its replacement, where Keydesk paired them. */
  newKeyId: string | null;
  groupId: string | null;
  disable: FinishStep | null;
  delete: FinishStep | null;
  /** Failed tries of the step under way, and Keydesk's words for the last failure. */
  tries: number;
  lastError: string | null;
  scheduledByEmail: string;
  scheduledAt: string;
  /** Set once nothing is left to do (both steps ended, or cancelled). */
  closedAt: string | null;
  cancelledAt: string | null;
}

/** What an admin sets: either or both, in whole hours / days from now. */
export interface FinishScheduleBody {
  disableInHours?: number | null;
  deleteInDays?: number | null;
}
