// What observation compares of another connection's key, chosen by its provider's capabilities:
// every setting the provider has (name, on/off where it can disable, permissions in its own model,
// the character cap, the IP allowlist, allowed origins, assistants, expiry) and nothing it has not.
// Never a secret, its hint or its hash, and not what changes by itself (usage, last used).
import { createHash } from "node:crypto";
import type { ProviderCapabilities, ProviderKey } from "@/lib/providers/types";
import type { ObservedState } from "../space";
import { allowlist, safeName } from "../state";

interface Field {
  name: string;
  /** Whether keys of a provider with these capabilities have the field. */
  has(caps: ProviderCapabilities): boolean;
  /** The field's value, normalised, so the same setting is always spelled the same. */
  of(key: ProviderKey): unknown;
}

const sortedSet = (values: readonly string[]) => [...new Set(values)].sort();

/** ISO 8601 in one spelling (an upstream may answer with or without milliseconds or a zone offset). */
function instant(value: string | null): string | null {
  if (value === null) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? value : new Date(at).toISOString();
}

/** In the order the audit row lists them. The names are KeyChanges' own, plus enabled and expiry. */
const FIELDS: readonly Field[] = [
  { name: "name", has: () => true, of: (key) => safeName(key.name) },
  { name: "enabled", has: (caps) => caps.disable, of: (key) => key.enabled ?? null },
  {
    name: "permissions",
    has: () => true,
    // A key type is one word; a list or scopes is "all" or the sorted names, unknown ones included.
    of: ({ permissions: p }) =>
      p.kind === "key_type" ? p.value : p.value === "all" ? "all" : sortedSet([...p.value, ...p.unknown]),
  },
  {
    name: "characterLimit",
    has: (caps) => caps.characterLimit !== null,
    of: (key) => key.restrictions.characterLimit?.limit ?? null,
  },
  {
    name: "ipAllowlist",
    has: (caps) => caps.ipAllowlist !== null,
    of: (key) => allowlist(key.restrictions.ipAllowlist),
  },
  {
    name: "allowedOrigins",
    has: (caps) => caps.originRestriction !== null,
    of: (key) => sortedSet(key.restrictions.allowedOrigins ?? []),
  },
  {
    name: "assistants",
    has: (caps) => caps.resourceRestriction !== null,
    of: (key) => {
      const a = key.restrictions.assistants;
      return a ? { allowed: sortedSet(a.allowed), transient: a.transient } : null;
    },
  },
  { name: "expiresAt", has: (caps) => caps.expiry !== null, of: (key) => instant(key.expiresAt) },
];

/** The fields a provider's keys are compared on, in order. */
export function comparedFields(caps: ProviderCapabilities): string[] {
  return FIELDS.filter((f) => f.has(caps)).map((f) => f.name);
}

export function stateOfProviderKey(caps: ProviderCapabilities, key: ProviderKey): ObservedState {
  const state: Record<string, unknown> = {};
  for (const field of FIELDS) if (field.has(caps)) state[field.name] = field.of(key);
  return state as ObservedState;
}

/** `fields` of `state` replaced by their values in `from` (the ones Keydesk changed). */
export function withFields(
  state: ObservedState,
  from: ObservedState,
  fields: readonly string[],
): ObservedState {
  const next: Record<string, unknown> = { ...state };
  for (const field of fields) if (field in from) next[field] = from[field];
  return next as ObservedState;
}

/** A stored state back: the compared fields only, with a name always a string. */
export function storedProviderState(fields: readonly string[]) {
  return (value: Record<string, unknown>): ObservedState => {
    const state: Record<string, unknown> = {};
    for (const field of fields) state[field] = value[field] ?? null;
    state.name = typeof value.name === "string" ? value.name : "";
    return state as ObservedState;
  };
}

/** A short hash of a state, in the fields' order (see ../state.ts digestOf for the length). */
export function digestOfFields(state: ObservedState, fields: readonly string[]): string {
  const canonical = JSON.stringify(fields.map((f) => state[f] ?? null));
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 22);
}
