// Finishing a rotation on a timetable: see DECISIONS.md.
export { scheduleFinish, cancelFinish, finishScheduleOf } from "./schedule";
export { finishScheduleSchema } from "./schema";
export { primaryTarget, connectionTarget, PRIMARY, type FinishTarget } from "./targets";
export { runDueSteps, ROTATION_DEADLINES_JOB, MAX_TRIES } from "./run";
export { rotationDeadlinesJob, targetOfRow, type DeadlineDeps } from "./job";
export type * from "./types";
