// Which people must use two-factor sign-in (KEYDESK_REQUIRE_2FA names their roles), and the refusal
// everyone else's requests get until such a person has enrolled: pages send them to enrolment, API
// answers are a 403 `enrolment_required` (except enrolment itself, their sessions and signing out).
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { env } from "@/lib/env";
import type { Role } from "@/lib/roles";

/** Where enrolment happens (the account page's two-factor section). */
export const ENROLMENT_PATH = "/account?enrol=required";

export function mustEnrol(
  user: { role: Role; twoFactorEnabled?: boolean },
  requiredRoles: readonly Role[] = env().KEYDESK_REQUIRE_2FA,
): boolean {
  return requiredRoles.includes(user.role) && user.twoFactorEnabled !== true;
}

export function assertEnrolled(
  user: { role: Role; twoFactorEnabled?: boolean },
  requiredRoles?: readonly Role[],
): void {
  if (mustEnrol(user, requiredRoles)) {
    throw new ApiError(
      "enrolment_required",
      "Your role must use two-factor sign-in. Set it up on your account page (/account) first.",
    );
  }
}

export function twoFactorRequiredFor(
  role: Role,
  requiredRoles: readonly Role[] = env().KEYDESK_REQUIRE_2FA,
): boolean {
  return requiredRoles.includes(role);
}
