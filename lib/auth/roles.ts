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
