// One diagnosis: the key read now upstream, its audit facts, the pasted error's signals, ranked
// (rank.ts), each fix's write given the diagnosis as its reason, and the ticket text. The pasted
// text goes no further than parsePasted: not upstream, not to the audit log, not to a log line.
import "server-only";
import type { Db } from "@/lib/db/database";
import type { Role } from "@/lib/roles";
import type { DoctorTarget } from "./fixes";
import { readHistoryFacts } from "./history";
import { findOperation } from "./operations";
import { describeSignals, parsePasted } from "./parse";
import { rankCauses } from "./rank";
import type { KeyRead } from "./read";
import { fixReason, ticketText } from "./ticket";
import type { Diagnosis } from "./types";

export interface DiagnoseInput {
  target: DoctorTarget;
  connectionName: string;
  /** The connections the key's audit rows may name (the primary one has two ids, and null). */
  auditConnections: readonly (string | null)[];
  role: Role;
  pasted?: string | null;
  ip?: string | null;
  operation?: string | null;
  now?: Date;
}

export async function diagnose(
  db: Db,
  read: () => Promise<KeyRead>,
  input: DiagnoseInput,
): Promise<Diagnosis> {
  const now = input.now ?? new Date();
  const [{ key, listedIds }, history] = await Promise.all([
    read(),
    readHistoryFacts(db, input.target.keyId, input.auditConnections),
  ]);
  const signals = parsePasted(input.pasted);
  const ip = input.ip?.trim() || signals.ip;
  const operation = input.operation ? findOperation(input.operation) : null;
  const { causes, checks } = rankCauses({
    target: input.target,
    role: input.role,
    key,
    listedIds,
    history,
    signals,
    ip: ip || null,
    operation,
    now,
  });
  // Each write carries the diagnosis as its reason, as the audit log will record it.
  for (const cause of causes)
    if (cause.fix?.write) cause.fix.write.body = { ...cause.fix.write.body, reason: fixReason(cause) };
  const understood = describeSignals(signals);
  const checkedAt = now.toISOString();
  return {
    key: {
      id: input.target.keyId,
      name: key?.name ?? null,
      connectionId: input.target.connectionId,
      group: input.target.group,
      found: key !== null,
    },
    causes,
    checks,
    understood,
    ticketText: ticketText({
      keyName: key?.name ?? null,
      keyId: input.target.keyId,
      connectionName: input.connectionName,
      checkedAt,
      understood,
      causes,
      checks,
    }),
    checkedAt,
  };
}
