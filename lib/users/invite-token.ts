// One-time links for setting a password: 256 random bits, shown once as /invite/<token>; the
// database keeps only the token's SHA-256, so a copy of the database opens no account.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const INVITE_LIFETIME_MS = 24 * 60 * 60 * 1000;
const TOKEN_BYTES = 32;

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

/** The shape of a token Keydesk made (43 base64url characters); anything else is not looked up. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type InviteState = "valid" | "used" | "expired";

export function inviteState(invite: { usedAt: Date | null; expiresAt: Date }, now: Date): InviteState {
  if (invite.usedAt) return "used";
  return now.getTime() < new Date(invite.expiresAt).getTime() ? "valid" : "expired";
}

export function invitePath(token: string): string {
  return `/invite/${token}`;
}
