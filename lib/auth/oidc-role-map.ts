// Which Keydesk role a single sign-on user starts with: one claim of their OpenID Connect profile
// (a list of groups, or one value) looked up in KEYDESK_OIDC_ROLE_MAP. Values match exactly; when
// several map, the strongest role wins; when none does, the user waits for an admin ("pending").
import { ROLES, type Role, type RoleMap } from "@/lib/roles";

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
