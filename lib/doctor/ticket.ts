// The diagnosis as plain text for a support ticket: the key, the likeliest cause with its evidence
// and fix, the others, and every check. Built only from the diagnosis (never the pasted text).
import { redactSecrets } from "@/lib/text/secret-pattern";
import type { Cause, Check } from "./types";

const RESULT: Record<Check["result"], string> = {
  ok: "ok",
  problem: "PROBLEM",
  unknown: "unknown",
  not_checked: "not checked",
};

function causeLines(cause: Cause): string[] {
  return [
    cause.title,
    ...cause.evidence.map((e) => `  Evidence: ${e}`),
    ...(cause.fix ? [`  Fix: ${cause.fix.advice}`] : []),
  ];
}

export function ticketText(d: {
  keyName: string | null;
  keyId: string;
  connectionName: string;
  checkedAt: string;
  understood: string | null;
  causes: Cause[];
  checks: Check[];
}): string {
  const [first, ...others] = d.causes;
  const lines = [
    `Key ${d.keyName ?? "(name unknown)"} (${d.keyId}) on ${d.connectionName}, checked ${d.checkedAt.slice(0, 16).replace("T", " ")} UTC by Keydesk's key doctor.`,
    ...(d.understood ? [`The caller's error: ${d.understood}.`] : []),
    "",
    ...(first
      ? ["Most likely:", ...causeLines(first)]
      : ["No cause found: the key is present, enabled and within its limits."]),
    ...(others.length > 0 ? ["", "Also possible:", ...others.flatMap(causeLines)] : []),
    "",
    "Checks:",
    ...d.checks.map((c) => `- ${c.what}: ${RESULT[c.result]} (${c.detail})`),
  ];
  return redactSecrets(lines.join("\n"));
}

/** The reason a fix's write carries on the audit log: the diagnosis in one line, within 500 characters. */
export function fixReason(cause: Cause): string {
  const text = redactSecrets(`Key doctor: ${cause.title} ${cause.evidence.join(" ")}`)
    .replace(/\s+/g, " ")
    .trim();
  return text.length <= 500 ? text : `${text.slice(0, 499)}…`;
}
