// Keydesk's three roles and what each may do. Shared by the server (checks) and the UI (labels).
export const ROLES = ["admin", "support", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Workspace admin",
  support: "Support",
  reviewer: "Security reviewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything: keys, service accounts and Keydesk's users.",
  support: "Reads everything; enables and disables keys; finds leaked keys.",
  reviewer: "Reads everything and exports; changes nothing.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Not a role: a single sign-on user whose claims mapped to none waits with this value until an
 * admin gives them one. Signed in, they see only the waiting page; every API handler answers 403.
 */
export const PENDING_ROLE = "pending";

export function isPendingRole(value: unknown): boolean {
  return value === PENDING_ROLE;
}

// KEYDESK_OIDC_ROLE_MAP's text, read once by lib/env.ts (so a mistake stops the start with the
// variable named); lib/auth/oidc-role-map.ts applies the pairs to a single sign-on profile.
export type RoleMap = ReadonlyArray<{ value: string; role: Role }>;

/** `group=role,group=role` → the pairs in order, or why the text is wrong (for the env message). */
export function parseRoleMap(text: string): { map: RoleMap } | { problem: string } {
  const map: { value: string; role: Role }[] = [];
  for (const pair of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf("=");
    const value = pair.slice(0, Math.max(at, 0)).trim();
    const role = pair.slice(at + 1).trim();
    if (at < 0 || !value || !role) return { problem: `in "${pair}", write group=role` };
    if (!isRole(role))
      return { problem: `in "${pair}", "${role}" is not a role (admin, support or reviewer)` };
    if (map.some((m) => m.value === value)) return { problem: `"${value}" is mapped twice` };
    map.push({ value, role });
  }
  return { map };
}
