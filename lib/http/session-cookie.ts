// Whether a request carries a better-auth session cookie at all (plain, or `__Secure-` on https).
// Only a hint for proxy.ts's redirect of signed-out page requests: whether the session is valid,
// and what its role may do, is checked by every page and handler itself.

const SESSION_COOKIE = /^(__Secure-)?better-auth\.session_token$/;

export function hasSessionCookie(names: Iterable<string>): boolean {
  for (const name of names) if (SESSION_COOKIE.test(name)) return true;
  return false;
}
