// The audit-anchor job: every KEYDESK_AUDIT_ANCHOR_MINUTES (default 60) it first checks the log
// against the anchors already in the file (alerting `audit_chain_failed` if one no longer holds),
// then signs the log's length and last row as they are now, appends that line to the file and sends
// it to the alert channels (`audit_anchored`, informational), so a copy lives outside Keydesk twice.
// A retry after a crash may append a second line for the period: harmless, each one is true.
//
// The definition is shaped like lib/jobs' JobDefinition without importing it (lib/audit sits below
// lib/jobs); lib/jobs/index.ts lists it with the other jobs, and the type is checked there.
import "server-only";
import { count, desc, lte } from "drizzle-orm";
import { publishAlert } from "@/lib/alerts/events";
import type { Db } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import { ConfigError, env, isDemoMode, type Env } from "@/lib/env";
import { checkAnchors } from "./anchor-check";
import { appendAnchorLine } from "./anchor-file";
import { anchorLine, signAnchor, type AnchorFacts } from "./anchor-format";
import { anchorSetup, type AnchorSetup } from "./anchor-key";
import { alertAuditFailure } from "./anchor-verify";
import { toIsoAt } from "./at";
import { GENESIS_HASH } from "./hash";

export const AUDIT_ANCHOR_JOB = "audit-anchor";

/**
 * The log as it is: its last row, and the rows up to it. Counted up to that id (not all rows), so a
 * row appended between the two reads is not counted without being the last one. Ids are drawn under
 * the chain's lock (append.ts), so no lower id can still appear after a higher one is seen.
 */
export async function currentAnchorFacts(db: Db, at: Date): Promise<AnchorFacts> {
  const [last] = await db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (!last) return { at: toIsoAt(at), rows: 0, lastId: null, lastHash: GENESIS_HASH };
  const [counted] = await db.select({ n: count() }).from(auditLog).where(lte(auditLog.id, last.id));
  return { at: toIsoAt(at), rows: Number(counted?.n ?? 0), lastId: last.id, lastHash: last.hash };
}

export async function anchorAuditLog(db: Db, setup: AnchorSetup, now: Date = new Date()) {
  if (!setup.signingKey || !setup.keyId)
    throw new ConfigError(
      "Audit anchoring is off: set KEYDESK_AUDIT_ANCHOR_KEY to an Ed25519 private key (openssl genpkey -algorithm ed25519).",
    );
  const before = await checkAnchors(db, setup);
  if (before.problems.length > 0)
    await alertAuditFailure(
      before.problems.map((p) => p.message),
      now,
    );
  const anchor = signAnchor(await currentAnchorFacts(db, now), setup.signingKey, setup.keyId);
  const line = anchorLine(anchor);
  await appendAnchorLine(setup.file, line);
  await publishAlert({
    kind: "audit_anchored",
    severity: "info",
    title: `Audit log anchored: ${anchor.rows} rows${anchor.lastId === null ? "" : `, up to row ${anchor.lastId}`}`,
    body: `Keep this signed line; Verify on the Audit log page checks the log against it:\n${line}`,
    at: anchor.at,
  });
  return { anchor, line, anchorProblemsBefore: before.problems.length };
}

/** Anchoring can sign here: a key in the environment, or demo mode's own. */
export function anchoringSigns(e: Env = env()): boolean {
  return Boolean(e.KEYDESK_AUDIT_ANCHOR_KEY) || (isDemoMode(e) && !e.KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY);
}

/** The job's definition; without a key it has no schedule and a run asked by hand says what to set. */
export function auditAnchorJob(e: Env = env(), setup: () => AnchorSetup = () => anchorSetup(e)) {
  const minutes = anchoringSigns(e) ? e.KEYDESK_AUDIT_ANCHOR_MINUTES : 0;
  return {
    name: AUDIT_ANCHOR_JOB,
    everySeconds: minutes > 0 ? minutes * 60 : null,
    retryLimit: 2,
    expireInSeconds: 120,
    run: async (run: { db: Db; periodStart: Date }) => {
      const { anchor, anchorProblemsBefore } = await anchorAuditLog(run.db, setup());
      return {
        rows: anchor.rows,
        lastId: anchor.lastId,
        keyId: anchor.keyId,
        anchorProblemsBefore,
      };
    },
  };
}
