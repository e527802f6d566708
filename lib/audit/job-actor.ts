// Who a background job acts as, for the audit rows it writes. A job runs with nobody signed in, so
// its rows would otherwise carry no actor; inside `actingAsJob` every row written without one is
// signed "Keydesk, on behalf of …" (role "job") and tied to the run by its request id (`job:<id>`),
// which is how the jobs page finds the rows a run wrote. Rows that name their own actor keep it.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AuditRowContent } from "./types";

export interface JobActor {
  /** The engine's id of this run (a retry of a run keeps it). */
  runId: string;
  /** The job's name, e.g. "watch". */
  job: string;
  /** Whom the job acts for: "the schedule", or the person who started it. */
  onBehalfOf: string;
}

/** The role column of a job's rows (not a user role: nobody can sign in with it). */
export const JOB_ROLE = "job";

/** The request id a run's rows carry. */
export function jobRequestId(runId: string): string {
  return `job:${runId}`;
}

export function jobActorLabel(actor: Pick<JobActor, "job" | "onBehalfOf">): string {
  return `Keydesk (${actor.job} job), on behalf of ${actor.onBehalfOf}`;
}

const current = new AsyncLocalStorage<JobActor>();

/** Runs `work` as the job `actor`: the audit rows it writes are signed as the job's. */
export function actingAsJob<T>(actor: JobActor, work: () => Promise<T>): Promise<T> {
  return current.run(actor, work);
}

/** `content` signed by the running job, when there is one and the row names no actor of its own. */
export function signedByJob(content: AuditRowContent): AuditRowContent {
  const actor = current.getStore();
  if (!actor || content.actorUserId || content.actorEmail) return content;
  return {
    ...content,
    actorEmail: jobActorLabel(actor),
    actorRole: JOB_ROLE,
    requestId: content.requestId ?? jobRequestId(actor.runId),
  };
}
