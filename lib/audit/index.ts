// The audit log: append-only, hash-chained, never holding a secret. See each module for its job.
import "server-only";
export { appendAudit, AUDIT_CHAIN_LOCK } from "./append";
export {
  audited,
  beginAttempt,
  completeAttempt,
  completeAttemptIn,
  errorOutcome,
  AuditAttemptError,
} from "./attempt";
export { verifyAuditChain, type AuditChainReport } from "./verify";
export { queryAudit, collectAudit, type AuditPage, type AuditPageOptions } from "./query";
export { auditCsv, auditJson } from "./export";
export { AuditSecretError, containsSecret } from "./secret-guard";
export type * from "./types";
