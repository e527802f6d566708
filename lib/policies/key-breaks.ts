// The rules one key breaks, for its page: the rules that are on, read now, against the key as read.
import "server-only";
import type { Db } from "@/lib/db";
import type { InventoryKey } from "@/lib/inventory/types";
import type { ProviderCapabilities } from "@/lib/providers/types";
import { policyBreaks, type PolicyBreak } from "./evaluate";
import { readPolicies } from "./store";
import { subjectOfKey } from "./subject";

export interface KeyPolicyReport {
  /** How many rules are on (0: there is nothing to break). */
  rulesOn: number;
  breaks: PolicyBreak[];
}

/** `capabilities` null: the primary connection (ElevenLabs). */
export async function keyPolicyReport(
  db: Db,
  key: InventoryKey,
  capabilities: ProviderCapabilities | null,
  now: number = Date.now(),
): Promise<KeyPolicyReport> {
  const rules = await readPolicies(db);
  return { rulesOn: rules.length, breaks: policyBreaks(rules, subjectOfKey(key, capabilities), now) };
}
