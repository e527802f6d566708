// Another connection's part of a search: its keys (read on their own, lib/connections' read-all)
// matched by lib/providers' findKeys, which hashes a pasted secret only where the provider publishes
// hashes and otherwise matches its last characters, id and name. What the page gets is built field
// by field: never a key's hash or settings, never the query.
import "server-only";
import { doctorKeyKind } from "@/lib/doctor/key-kind";
import type { ConnectionRead } from "@/lib/connections/read-all";
import type { ConnectionView } from "@/lib/connections/types";
import { PROVIDER_LABELS } from "@/lib/connections/providers";
import { findKeys } from "@/lib/providers/find";
import type { KeyMatchReason, ProviderCapabilities, ProviderKey } from "@/lib/providers/types";
import { RESULT_CAP } from "./match";
import {
  CERTAINTY_ORDER,
  type Certainty,
  type ConnectionSearch,
  type LeakResponse,
  type OtherCandidate,
  type OtherKey,
  type SearchedConnection,
} from "./types";

/** How sure each reason alone is: a hash or an id is the key; the last characters or a name fragment are not. */
const CERTAINTY: Record<KeyMatchReason, Certainty> = {
  secret_hash: "exact",
  id: "exact",
  hint: "possible",
  name: "possible",
};

export function searchedConnection(c: Pick<ConnectionView, "id" | "name" | "provider">): SearchedConnection {
  return { id: c.id, name: c.name, providerLabel: PROVIDER_LABELS[c.provider] };
}

export function leakResponse(caps: ProviderCapabilities): LeakResponse {
  return { disable: caps.disable && caps.leakResponses.includes("disable"), responses: caps.leakResponses };
}

export function otherKey(
  k: Pick<ProviderKey, "id" | "name" | "group" | "owner" | "hint" | "enabled">,
): OtherKey {
  return {
    id: k.id,
    name: k.name,
    group: k.group ? { id: k.group.id, name: k.group.name } : null,
    owner: k.owner,
    hint: k.hint,
    enabled: k.enabled,
  };
}

function certaintyOf(key: ProviderKey, reason: KeyMatchReason, query: string): Certainty {
  // A name that is exactly what was searched for is as sure as the primary connection's "likely".
  if (reason === "name" && key.name.toLowerCase() === query.trim().toLowerCase()) return "likely";
  return CERTAINTY[reason];
}

/**
 * One connection's outcome for `query` (the pasted secret itself, or the text typed): its
 * candidates strongest first, capped, or why it could not be searched.
 */
export function searchRead(read: ConnectionRead, query: string, cap = RESULT_CAP): ConnectionSearch {
  const connection = searchedConnection(read.connection);
  const leak = leakResponse(read.capabilities);
  const doctorKind = doctorKeyKind(read.capabilities);
  if (!read.ok) return { connection, leak, doctorKind, ok: false, error: read.error };
  const all: OtherCandidate[] = findKeys(read.capabilities, read.keys, query).map((m) => {
    const certainties = m.matchedBy.map((r) => certaintyOf(m.key, r, query));
    const certainty = CERTAINTY_ORDER.find((c) => certainties.includes(c))!;
    return { key: otherKey(m.key), matchedBy: m.matchedBy, certainty };
  });
  const candidates = all.slice(0, cap);
  return {
    connection,
    leak,
    doctorKind,
    ok: true,
    candidates,
    total: all.length,
    omitted: all.length - candidates.length,
  };
}
