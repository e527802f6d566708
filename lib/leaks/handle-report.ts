// A verified, parsed report: each token matched, each matching key disabled (where it can be and
// auto-disable is on), recorded in leak_report and alerted, one token after another. The tokens are
// only in this call: the record, the audit rows, the alerts and the log hold the keys they matched
// and the URLs (with the token cut out), never the token.
import "server-only";
import type { EverywhereDeps } from "@/lib/find-key/everywhere";
import type { KeyActionContext } from "@/lib/keys";
import { leakReport } from "@/lib/db/schema";
import { redactSecrets } from "@/lib/text/secret-pattern";
import { alertLeak } from "./alert";
import { disableMatch } from "./disable";
import { matchToken } from "./match";
import type { LeakedKey, LeakOutcome, ReportedToken, Scanner, TokenResult } from "./types";
import { leakReason, safeUrl } from "./words";

export interface LeakDeps extends EverywhereDeps {
  /** KEYDESK_LEAK_AUTO_DISABLE. */
  autoDisable: boolean;
}

export interface Report {
  scanner: Scanner;
  messageHash: string;
  tokens: ReportedToken[];
}

/** When one token matched several keys, the outcome that most needs a person, first. */
const URGENCY: LeakOutcome[] = [
  "disable_failed",
  "cannot_disable",
  "not_disabled",
  "disabled",
  "already_disabled",
];

async function handleToken(
  deps: LeakDeps,
  ctx: KeyActionContext,
  report: Report,
  reported: ReportedToken,
): Promise<TokenResult> {
  const url = safeUrl(reported.url, reported.token);
  const match = await matchToken(deps, ctx, reported.token);
  const record = (outcome: LeakOutcome, key: LeakedKey | null) =>
    deps.keys.db.insert(leakReport).values({
      scanner: report.scanner,
      messageHash: report.messageHash,
      tokenType: reported.type,
      url,
      source: reported.source,
      connectionId: key?.connectionId ?? null,
      groupId: key?.group?.id ?? null,
      keyId: key?.keyId ?? null,
      keyName: key ? redactSecrets(key.name) : null,
      outcome,
    });

  if (match.kind !== "exact") {
    const outcome: LeakOutcome =
      match.kind === "possible" ? "possible_match" : match.kind === "failed" ? "search_failed" : "no_match";
    const candidates = match.kind === "possible" ? match.candidates : undefined;
    await record(outcome, null);
    await alertLeak({ scanner: report.scanner, outcome, key: null, providerLabel: null, url, candidates });
    return { outcome, key: null, ...(candidates !== undefined ? { candidates } : {}) };
  }

  const reason = leakReason(report.scanner, url);
  const outcomes: { outcome: LeakOutcome; key: LeakedKey }[] = [];
  for (const m of match.matches) {
    const outcome = await disableMatch(deps, ctx, m, reason, deps.autoDisable);
    await record(outcome, m.key);
    await alertLeak({ scanner: report.scanner, outcome, key: m.key, providerLabel: m.providerLabel, url });
    outcomes.push({ outcome, key: m.key });
  }
  outcomes.sort((a, b) => URGENCY.indexOf(a.outcome) - URGENCY.indexOf(b.outcome));
  const first = outcomes[0]!;
  return {
    outcome: first.outcome,
    key: first.key,
    ...(outcomes.length > 1 ? { candidates: outcomes.length } : {}),
  };
}

export async function handleReport(
  deps: LeakDeps,
  ctx: KeyActionContext,
  report: Report,
): Promise<TokenResult[]> {
  const results: TokenResult[] = [];
  // One after another: two tokens of one message may be the same key, and the second then finds it off.
  for (const token of report.tokens) results.push(await handleToken(deps, ctx, report, token));
  return results;
}
