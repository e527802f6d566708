// What an edit saw (`expected`) against the key as it is now. An edit carries, for each field it
// changes, that field's value when the person began; the server re-reads the key before writing and
// answers 409 (nothing sent upstream) when one of those fields has moved meanwhile, as lib/keys'
// PATCH does. Client-safe and pure: the edit dialog builds `expected` with the same `valueOf`, so
// both sides name a field's value the same way.
import { sameValue } from "@/lib/keys/compare";
import type { KeyChanges } from "@/lib/providers/types";
import type { ConnectionKeyView, ExpectedKeyValues } from "./types";

/** The fields `expected` may name: a change's settings and the on/off switch. */
export type ExpectedField = keyof ExpectedKeyValues;

const asSet = (values: readonly unknown[] | null | undefined) =>
  values == null ? "null" : JSON.stringify([...new Set(values.map(String))].sort());

/** A field of the key as it is, in the terms a change (and `expected`) uses. */
export function valueOf(
  key: Pick<ConnectionKeyView, "name" | "permissions" | "restrictions" | "enabled">,
  field: ExpectedField,
): unknown {
  const r = key.restrictions;
  switch (field) {
    case "name":
      return key.name;
    case "permissions":
      return { kind: key.permissions.kind, value: key.permissions.value };
    case "characterLimit":
      return r.characterLimit?.limit ?? null;
    case "ipAllowlist":
      return r.ipAllowlist ?? null;
    case "allowedOrigins":
      return r.allowedOrigins ?? null;
    case "assistants":
      return r.assistants ?? null;
    case "enabled":
      return key.enabled;
  }
}

/** Do the two values of `field` say the same thing (lists as sets, "all" only equal to "all")? */
export function sameFieldValue(field: ExpectedField, a: unknown, b: unknown): boolean {
  switch (field) {
    case "permissions": {
      const x = a as { kind?: unknown; value?: unknown } | null;
      const y = b as { kind?: unknown; value?: unknown } | null;
      if (!x || !y || x.kind !== y.kind) return x === y;
      if (Array.isArray(x.value) && Array.isArray(y.value)) return asSet(x.value) === asSet(y.value);
      return x.value === y.value;
    }
    case "ipAllowlist":
      return sameValue("allowedIps", a, b);
    case "allowedOrigins":
      return asSet(a as unknown[] | null) === asSet(b as unknown[] | null);
    case "assistants": {
      // Only the parts the edit names: one editing `allowed` is not stopped by a moved `transient`.
      const seen = (a ?? {}) as { allowed?: unknown[]; transient?: boolean };
      const now = (b ?? {}) as { allowed?: unknown[]; transient?: boolean };
      return (
        (seen.allowed === undefined || asSet(seen.allowed) === asSet(now.allowed ?? [])) &&
        (seen.transient === undefined || seen.transient === (now.transient ?? false))
      );
    }
    default:
      return (a ?? null) === (b ?? null);
  }
}

/** The fields whose value when the edit began (`expected`) is no longer the key's: each a 409. */
export function movedFields(
  current: Pick<ConnectionKeyView, "name" | "permissions" | "restrictions" | "enabled">,
  expected: ExpectedKeyValues | undefined,
): ExpectedField[] {
  if (!expected) return [];
  return (Object.keys(expected) as ExpectedField[]).filter(
    (field) =>
      expected[field] !== undefined && !sameFieldValue(field, expected[field], valueOf(current, field)),
  );
}

/** What the edit saw of each field it changes, for the request's `expected`. */
export function expectedOf(
  seen: Pick<ConnectionKeyView, "name" | "permissions" | "restrictions" | "enabled">,
  change: KeyChanges & { enabled?: boolean },
): ExpectedKeyValues {
  const expected: Record<string, unknown> = {};
  for (const field of Object.keys(change) as (keyof typeof change)[]) {
    if (change[field] === undefined) continue;
    const value = valueOf(seen, field);
    // `assistants`: the parts being changed, as seen.
    if (field === "assistants" && change.assistants) {
      const was = (value ?? { allowed: [], transient: false }) as { allowed: string[]; transient: boolean };
      expected.assistants = {
        ...(change.assistants.allowed !== undefined ? { allowed: was.allowed } : {}),
        ...(change.assistants.transient !== undefined ? { transient: was.transient } : {}),
      };
    } else expected[field] = value;
  }
  return expected as ExpectedKeyValues;
}
