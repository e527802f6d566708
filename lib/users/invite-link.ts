// What an admin is shown once after adding a user or resetting a password: the one-time link.
// The answer is never cached (Cache-Control: no-store) and the link is never logged or stored.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { env } from "@/lib/env";
import type { IssuedInvite } from "./invites";
import { invitePath } from "./invite-token";
import type { UserSummary } from "./types";

/** Links lead to a password: without password sign-in, people join through single sign-on. */
export function assertInvitesAllowed(): void {
  if (!passwordSignInEnabled(env())) {
    throw new ApiError(
      "conflict",
      "Password sign-in is switched off: people join by signing in with single sign-on, then an admin gives them a role.",
    );
  }
}

export function inviteResponse(
  req: Request,
  user: UserSummary,
  invite: IssuedInvite,
  status = 200,
): Response {
  const url = new URL(invitePath(invite.token), env().KEYDESK_URL ?? req.url).toString();
  return Response.json(
    { user, invite: { url, expiresAt: invite.expiresAt } },
    { status, headers: { "cache-control": "no-store" } },
  );
}
