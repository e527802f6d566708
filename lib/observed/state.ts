// The part of a key that observation compares, in one spelling. What the upstream reports and what
// Keydesk itself sent must look alike when they mean the same thing (permissions in any order, an
// allowlist entry with or without "/32"), or Keydesk's own changes would come back as outside ones.
import { createHash } from "node:crypto";
import type { ApiKey, KeyChanges, NewKeyInput } from "@/lib/elevenlabs/types";
import { normaliseAllowlistEntry } from "@/lib/ip/cidr";
import { redactSecrets } from "@/lib/text/secret-pattern";

export type KeyState = {
  name: string;
  enabled: boolean;
  /** "all", or the sorted names, including any this version of Keydesk does not know. */
  permissions: "all" | string[];
  characterLimit: number | null;
  /** Normalised, sorted, without repeats; null: any IP. */
  allowedIps: string[] | null;
};

export const STATE_FIELDS = [
  "name",
  "enabled",
  "permissions",
  "characterLimit",
  "allowedIps",
] as const satisfies readonly (keyof KeyState)[];

/** A key name as Keydesk keeps it: any secret-shaped run replaced, so it can never be stored
 * (someone may have pasted a secret into a name in ElevenLabs' settings page). */
export function safeName(name: string): string {
  return redactSecrets(name);
}

function permissionList(
  permissions: "all" | readonly string[],
  unknown: readonly string[] = [],
): "all" | string[] {
  if (permissions === "all") return "all";
  return [...new Set([...permissions, ...unknown])].sort();
}

// Parsing an address is most of the cost of a 10,000-key comparison, and the same entries come
// back on every read: remember them (bounded, so odd input cannot grow it without end).
const normalised = new Map<string, string>();
const NORMALISED_MAX = 50_000;

function normaliseEntry(entry: string): string {
  let done = normalised.get(entry);
  if (done === undefined) {
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    done = normaliseAllowlistEntry(entry) ?? entry;
    normalised.set(entry, done);
  }
  return done;
}

/** An IP allowlist in one spelling: normalised CIDRs, sorted, without repeats; null: any address. */
export function allowlist(entries: readonly string[] | null | undefined): string[] | null {
  if (entries == null) return null;
  return [...new Set(entries.map(normaliseEntry))].sort();
}

/** A key as read from the upstream. Unknown permissions count: dropping one is a change too. */
export function stateOfKey(key: ApiKey): KeyState {
  return {
    name: safeName(key.name),
    enabled: key.enabled,
    permissions: permissionList(key.permissions, key.unknownPermissions),
    characterLimit: key.characterLimit ?? null,
    allowedIps: allowlist(key.allowedIps),
  };
}

/** A key Keydesk just created: new keys start enabled. */
export function stateOfNewKey(input: NewKeyInput): KeyState {
  return {
    name: safeName(input.name),
    enabled: true,
    permissions: permissionList(input.permissions),
    characterLimit: input.characterLimit ?? null,
    allowedIps: allowlist(input.allowedIps),
  };
}

/** `state` with only the fields Keydesk changed replaced; the others stay as last seen. */
export function withChanges(state: KeyState, changes: KeyChanges): KeyState {
  return {
    name: changes.name !== undefined ? safeName(changes.name) : state.name,
    enabled: changes.enabled !== undefined ? changes.enabled : state.enabled,
    permissions: changes.permissions !== undefined ? permissionList(changes.permissions) : state.permissions,
    characterLimit: changes.characterLimit !== undefined ? changes.characterLimit : state.characterLimit,
    allowedIps: changes.allowedIps !== undefined ? allowlist(changes.allowedIps) : state.allowedIps,
  };
}

/**
 * A short hash of a state, so an unchanged read compares one string per key. 128 bits: only
 * successive states of one key are ever compared, so a collision is not a practical worry.
 */
export function digestOf(state: KeyState): string {
  const canonical = JSON.stringify([
    state.name,
    state.enabled,
    state.permissions,
    state.characterLimit,
    state.allowedIps,
  ]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 22);
}

/** A stored state back from jsonb (Keydesk wrote it; fields are read one by one, not trusted whole). */
export function storedState(value: Record<string, unknown>): KeyState {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : null);
  return {
    name: typeof value.name === "string" ? value.name : "",
    enabled: value.enabled === true,
    permissions: value.permissions === "all" ? "all" : (list(value.permissions) ?? []),
    characterLimit: typeof value.characterLimit === "number" ? value.characterLimit : null,
    allowedIps: list(value.allowedIps),
  };
}
