// Which Keydesk role a single sign-on user starts with: one claim of their OpenID Connect profile
// (a list of groups, or one value) looked up in KEYDESK_OIDC_ROLE_MAP. Values match exactly; when
// several map, the strongest role wins; when none does, the user waits for an admin ("pending").
import { ROLES, isRole, type Role } from "./roles";

export type RoleMap = ReadonlyArray<{ value: string; role: Role }>;

/** `group=role,group=role` → the pairs in order, or why the text is wrong (for the env message). */
export function parseRoleMap(text: string): { map: RoleMap } | { problem: string } {
  const map: { value: string; role: Role }[] = [];
  for (const pair of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf("=");
    const value = pair.slice(0, Math.max(at, 0)).trim();
    const role = pair.slice(at + 1).trim();
    if (at < 0 || !value || !role) return { problem: `in "${pair}", write group=role` };
    if (!isRole(role)) return { problem: `in "${pair}", "${role}" is not a role (admin, support or reviewer)` };
    if (map.some((m) => m.value === value)) return { problem: `"${value}" is mapped twice` };
    map.push({ value, role });
  }
  return { map };
}

/** The string values of a claim: a list's strings, or one string. `a.b` reads a nested claim. */
export function claimValues(profile: Record<string, unknown>, claim: string): string[] {
  // A claim named with dots (a namespaced URL, as Auth0 asks for) is read whole when it is there.
  const keys = Object.hasOwn(profile, claim) ? [claim] : claim.split(".");
  let value: unknown = profile;
  for (const key of keys) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return [];
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

/** The strongest role any of the claim's values maps to, or null. */
export function roleFromClaims(profile: Record<string, unknown>, claim: string, map: RoleMap): Role | null {
  const values = new Set(claimValues(profile, claim));
  const mapped = map.filter((m) => values.has(m.value)).map((m) => m.role);
  return ROLES.find((role) => mapped.includes(role)) ?? null;
}
