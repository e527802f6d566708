// Which keys a reported token is, found the way Find a key finds them (lib/find-key's search across
// every connection: the primary workspace by the SHA-256 its upstream publishes, every other
// connection by its provider's hash where there is one). Only an exact match (the secret's hash) is
// acted on; keys that only share the token's last characters are counted, for a person to check,
// and never disabled on that guess. The search is audited by find-key as any secret search is (its
// last four characters only), with the scanner as the actor.
import "server-only";
import { classifyQuery } from "@/lib/find-key/classify";
import { findKeyEverywhere, type EverywhereDeps } from "@/lib/find-key/everywhere";
import type { KeyActionContext } from "@/lib/keys";
import type { LeakedKey } from "./types";

/** A key the token is, and how it can be switched off. */
export type ExactMatch =
  | { where: "primary"; key: LeakedKey; enabled: boolean; providerLabel: string }
  | { where: "other"; key: LeakedKey; enabled: boolean | null; canDisable: boolean; providerLabel: string };

export type TokenMatch =
  | { kind: "exact"; matches: ExactMatch[] }
  | { kind: "possible"; candidates: number }
  | { kind: "none" }
  | { kind: "failed" };

export async function matchToken(
  deps: EverywhereDeps,
  ctx: KeyActionContext,
  token: string,
): Promise<TokenMatch> {
  // Too short or spaced to be a secret: Find a key would search names with it; a scanner's report is not that.
  if (classifyQuery(token).kind !== "secret") return { kind: "none" };
  let result;
  try {
    result = await findKeyEverywhere(deps, ctx, token);
  } catch {
    return { kind: "failed" };
  }
  const matches: ExactMatch[] = [];
  let possible = 0;
  if (result.primary?.ok) {
    const { connection } = result.primary;
    for (const c of result.candidates) {
      if (!c.matchedBy.includes("secret_hash")) {
        if (c.matchedBy.includes("hint")) possible++;
        continue;
      }
      matches.push({
        where: "primary",
        key: {
          connectionId: connection.id,
          group: { id: c.serviceAccount.id, name: c.serviceAccount.name },
          keyId: c.key.id,
          name: c.key.name,
        },
        enabled: c.key.enabled,
        providerLabel: connection.providerLabel,
      });
    }
  }
  for (const search of result.others) {
    if (!search.ok) continue;
    for (const c of search.candidates) {
      if (!c.matchedBy.includes("secret_hash")) {
        if (c.matchedBy.includes("hint")) possible++;
        continue;
      }
      matches.push({
        where: "other",
        key: { connectionId: search.connection.id, group: c.key.group, keyId: c.key.id, name: c.key.name },
        enabled: c.key.enabled,
        canDisable: search.leak.disable,
        providerLabel: search.connection.providerLabel,
      });
    }
  }
  if (matches.length > 0) return { kind: "exact", matches };
  if (possible > 0) return { kind: "possible", candidates: possible };
  const anySearched = result.primary?.ok === true || result.others.some((o) => o.ok);
  return anySearched ? { kind: "none" } : { kind: "failed" };
}
