// The fix for each cause, as the write the key's own page would send (PATCH on the key's usual
// audited endpoint, with `expected` so a key changed meanwhile is a 409, never overwritten) and
// whether this role may send it: admins every fix, support only enabling (as the endpoints
// themselves enforce), reviewers none. Plain code: the panel only sends what it is given.
import { isPrimaryConnectionId } from "@/lib/connection-ids";
import { keyHref } from "@/lib/key-href";
import type { Role } from "@/lib/roles";
import type { Fix, FixWrite, KeyNow } from "./types";

export interface DoctorTarget {
  connectionId: string;
  /** The service account (primary connection), or the provider's group; null where none. */
  group: string | null;
  keyId: string;
}

/** The largest character limit the key endpoints take (lib/keys/schema.ts CHARACTER_LIMIT_MAX). */
const LIMIT_MAX = 1_000_000_000_000;

function keyUrl({ connectionId, group, keyId }: DoctorTarget): string {
  const key = encodeURIComponent(keyId);
  if (isPrimaryConnectionId(connectionId))
    return `/api/service-accounts/${encodeURIComponent(group ?? "")}/keys/${key}`;
  const query = group ? `?group=${encodeURIComponent(group)}` : "";
  return `/api/connections/${encodeURIComponent(connectionId)}/keys/${key}${query}`;
}

/** One field's change in the endpoint's own words (the primary API calls the allowlist `allowedIps`). */
function patch(
  target: DoctorTarget,
  field: "enabled" | "characterLimit" | "ipAllowlist" | "permissions" | "allowedOrigins" | "assistants",
  after: unknown,
  before: unknown,
): FixWrite {
  const primary = isPrimaryConnectionId(target.connectionId);
  const name = primary && field === "ipAllowlist" ? "allowedIps" : field;
  return { method: "PATCH", url: keyUrl(target), body: { [name]: after, expected: { [name]: before } } };
}

const mayWrite = (role: Role, kind: Fix["kind"]) =>
  role === "admin" || (role === "support" && kind === "enable");

export function enableFix(target: DoctorTarget, role: Role): Fix {
  return {
    kind: "enable",
    label: "Enable the key",
    advice: "Enable the key (an admin or support can, from its page).",
    write: patch(target, "enabled", true, false),
    allowed: mayWrite(role, "enable"),
    href: null,
  };
}

/** Twice the limit, or the month's use plus the old limit when that is more, rounded up to a thousand. */
export function suggestedLimit(limit: number, used: number | null): number {
  const wanted = Math.max(limit * 2, (used ?? 0) + limit);
  return Math.min(LIMIT_MAX, Math.ceil(wanted / 1000) * 1000);
}

export function raiseLimitFix(target: DoctorTarget, role: Role, limit: number, used: number | null): Fix {
  const next = suggestedLimit(limit, used);
  const words = next.toLocaleString("en-US");
  return {
    kind: "raise_limit",
    label: `Raise the monthly limit to ${words}`,
    advice: `Raise the key's monthly character limit (now ${limit.toLocaleString("en-US")}), e.g. to ${words} (an admin can).`,
    write: patch(target, "characterLimit", next, limit),
    allowed: mayWrite(role, "raise_limit"),
    href: null,
  };
}

export function addAddressFix(target: DoctorTarget, role: Role, allowlist: string[], ip: string): Fix {
  const entry = ip.includes(":") ? `${ip}/128` : `${ip}/32`;
  return {
    kind: "add_address",
    label: `Add ${ip} to the allowlist`,
    advice: `Add ${ip} to the key's IP allowlist (an admin can), or call from an address already on it.`,
    write: patch(target, "ipAllowlist", [...allowlist, entry], allowlist),
    allowed: mayWrite(role, "add_address"),
    href: null,
  };
}

export function addPermissionFix(
  target: DoctorTarget,
  role: Role,
  permissions: KeyNow["permissions"],
  permission: string,
): Fix | null {
  if (permissions.kind === "key_type" || permissions.value === "all") return null;
  const primary = isPrimaryConnectionId(target.connectionId);
  const word = permissions.kind === "scopes" ? "scope" : "permission";
  const after = [...permissions.value, permission];
  const [value, before] = primary
    ? [after, permissions.value]
    : [
        { kind: permissions.kind, value: after },
        { kind: permissions.kind, value: permissions.value },
      ];
  return {
    kind: "add_permission",
    label: `Add the ${word} ${permission}`,
    advice: `Add the ${word} ${permission} to the key (an admin can).`,
    write: patch(target, "permissions", value, before),
    allowed: mayWrite(role, "add_permission"),
    href: null,
  };
}

/** Voiceable: let the key be used from the origin the error names (a public key's widget page). */
export function addOriginFix(target: DoctorTarget, role: Role, origins: string[], origin: string): Fix {
  return {
    kind: "add_origin",
    label: `Allow the origin ${origin}`,
    advice: `Add ${origin} to the key's allowed origins (an admin can), if that page should use the key; otherwise the caller should call from an allowed page.`,
    write: patch(target, "allowedOrigins", [...origins, origin], origins),
    allowed: mayWrite(role, "add_origin"),
    href: null,
  };
}

/** Voiceable: let the key reach the assistant the error names. */
export function addAssistantFix(target: DoctorTarget, role: Role, assistants: string[], id: string): Fix {
  return {
    kind: "add_assistant",
    label: `Allow the assistant ${id}`,
    advice: `Add the assistant ${id} to the key's allowed assistants (an admin can), if the caller should reach it; otherwise the caller should ask for an allowed one.`,
    write: patch(target, "assistants", { allowed: [...assistants, id] }, { allowed: assistants }),
    allowed: mayWrite(role, "add_assistant"),
    href: null,
  };
}

/** Voiceable: let the key start calls with an inline (unsaved) assistant. */
export function allowTransientFix(target: DoctorTarget, role: Role): Fix {
  return {
    kind: "allow_transient",
    label: "Allow inline (transient) assistants",
    advice:
      "Turn on transient assistants for the key (an admin can), if the caller should define assistants inline; otherwise the caller should use a saved assistant's id.",
    write: patch(target, "assistants", { transient: true }, { transient: false }),
    allowed: mayWrite(role, "allow_transient"),
    href: null,
  };
}

export function rotatedKeyFix(target: DoctorTarget, newKeyId: string, exists: boolean): Fix {
  return {
    kind: "use_rotated_key",
    label: "Open the new key",
    advice: exists
      ? `Give the caller the new key's secret (key ${newKeyId}, made by the rotation) in place of the old one.`
      : `The rotation made key ${newKeyId}, which is no longer there either: make a new key for the caller.`,
    write: null,
    allowed: exists,
    href: exists
      ? keyHref({ connectionId: target.connectionId, group: target.group, keyId: newKeyId })
      : null,
  };
}

export function newKeyFix(): Fix {
  return {
    kind: "new_key",
    label: "Make a new key",
    advice: "Make a new key with the permissions the caller needs and give them its secret (an admin can).",
    write: null,
    allowed: false,
    href: null,
  };
}
