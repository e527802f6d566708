// The whole verify: the hash chain (verify.ts) and the anchors (anchor-check.ts), and an
// `audit_chain_failed` alert when either fails. The same finding is alerted once per process (a
// person pressing Verify again, or the hourly anchor job, does not repeat it); a new finding is.
import "server-only";
import { publishAlert } from "@/lib/alerts/events";
import type { Db } from "@/lib/db/database";
import { checkAnchors, type AnchorCheck } from "./anchor-check";
import type { AnchorSetup } from "./anchor-key";
import { verifyAuditChain, type AuditChainReport } from "./verify";

export type AuditVerifyReport = AuditChainReport & { anchor: AnchorCheck };

let lastAlerted: string | null = null;

function chainWords(chain: AuditChainReport): string | null {
  if (chain.ok) return null;
  return chain.problem === "altered"
    ? `Row ${chain.firstBadId} was altered (its hash no longer matches its content).`
    : `Rows were removed before row ${chain.firstBadId} (it links to a row that is not there).`;
}

/** What failed, in plain words, one line each (empty: nothing did). */
export function verifyFindings(report: AuditVerifyReport): string[] {
  const chain = chainWords(report);
  return [...(chain ? [chain] : []), ...report.anchor.problems.map((p) => p.message)];
}

/** Alerts `findings` unless this process alerted exactly these last; an empty list clears the memory. */
export async function alertAuditFailure(findings: string[], at: Date = new Date()): Promise<void> {
  const key = findings.join("\n");
  if (findings.length === 0) {
    lastAlerted = null;
    return;
  }
  if (key === lastAlerted) return;
  lastAlerted = key;
  await publishAlert({
    kind: "audit_chain_failed",
    severity: "urgent",
    title: "The audit log failed to verify",
    body: findings.slice(0, 5).join("\n"),
    at: at.toISOString(),
  });
}

export async function verifyAuditLog(db: Db, setup: AnchorSetup): Promise<AuditVerifyReport> {
  const chain = await verifyAuditChain(db);
  const report = { ...chain, anchor: await checkAnchors(db, setup) };
  await alertAuditFailure(verifyFindings(report));
  return report;
}
