// How recent a session's sign-in is: the later of the sign-in itself (the session's creation:
// password and code, or SSO) and the last time the person re-entered their password (and code)
// for a dangerous action. Pure arithmetic, shared by the server check and its tests.

export interface SessionFreshness {
  /** When the session was made: a sign-in, whatever the method. */
  createdAt: Date;
  /** When the person last re-verified in this session (lib/auth/step-up.ts), if ever. */
  reauthenticatedAt: Date | null;
}

/** The session's last verification, and whether it was a re-verification rather than the sign-in. */
export function lastVerification(session: SessionFreshness): { at: Date; steppedUp: boolean } {
  const again = session.reauthenticatedAt;
  return again && again.getTime() > session.createdAt.getTime()
    ? { at: again, steppedUp: true }
    : { at: session.createdAt, steppedUp: false };
}

export function isRecent(
  session: SessionFreshness,
  windowSeconds: number,
  now: number = Date.now(),
): boolean {
  const age = now - lastVerification(session).at.getTime();
  // A clock a little behind (another instance) still counts; a time in the future does not extend the window.
  return age >= -60_000 && age <= windowSeconds * 1000;
}
