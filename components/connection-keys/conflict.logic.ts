// A 409 to an edit, in words: which fields someone else changed since the person began, and what
// each is now, so they can decide whether to save their own values over it. Pure and client-safe.
import { ApiRequestError } from "@/lib/http/client";
import type { ExpectedField } from "@/lib/connection-keys/expected";
import { valueOf } from "@/lib/connection-keys/expected";
import type { ConnectionKeyView } from "@/lib/connection-keys/types";

/** Each field as a sentence names it, with its verb. */
const LABELS: Record<ExpectedField, string> = {
  name: "name is",
  permissions: "permissions are",
  characterLimit: "monthly limit is",
  ipAllowlist: "IP allowlist is",
  allowedOrigins: "allowed origins are",
  assistants: "assistants are",
  enabled: "status is",
};

const list = (values: readonly string[] | null | undefined, empty: string) =>
  values && values.length > 0 ? values.join(", ") : empty;

/** A field's value as it is now, in a few words. */
function valueText(key: ConnectionKeyView, field: ExpectedField): string {
  const value = valueOf(key, field);
  switch (field) {
    case "name":
      return `“${String(value)}”`;
    case "permissions": {
      const { value: v } = value as { value: string | string[] };
      return Array.isArray(v) ? list(v, "none") : v;
    }
    case "characterLimit":
      return value === null ? "no limit" : String(value);
    case "ipAllowlist":
      return list(value as string[] | null, "any address");
    case "allowedOrigins":
      return list(value as string[] | null, "any website");
    case "assistants": {
      const a = value as { allowed: string[]; transient: boolean } | null;
      return a ? `${list(a.allowed, "every assistant")}${a.transient ? ", transient allowed" : ""}` : "—";
    }
    case "enabled":
      return value === null ? "—" : value ? "enabled" : "disabled";
  }
}

/** The 409 of an edit whose `expected` no longer held: the key as it is now, and what moved. */
export function editConflict(error: unknown): { current: ConnectionKeyView; fields: ExpectedField[] } | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const body = error.extra.body as { error?: { current?: ConnectionKeyView } } | null | undefined;
  const current = body?.error?.current;
  if (!current) return null;
  const fields = error.fields
    .map((f) => f.path[0])
    .filter((f): f is ExpectedField => typeof f === "string" && f in LABELS);
  return { current, fields };
}

/** "Someone else changed this key since you began: its name is now “Build bot”. …" */
export function conflictMessage(current: ConnectionKeyView, fields: readonly ExpectedField[]): string {
  const changes = fields.map((f) => `its ${LABELS[f]} now ${valueText(current, f)}`);
  const what = changes.length > 0 ? `: ${changes.join("; ")}` : "";
  return `Someone else changed this key since you began${what}. Nothing was saved; what you typed is kept. Save again to replace their change with yours, or cancel.`;
}
