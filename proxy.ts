// Runs before every page (not the API, not Next.js's static files). Two jobs, neither of them the
// security boundary (pages and handlers check the session and role themselves):
// - each page gets its own CSP nonce: scripts run only when they carry it, or were loaded by one
//   that did ('strict-dynamic'); Next.js reads the nonce from the request's CSP and puts it on its
//   own scripts. Pages render per request (app/layout.tsx), so no page is served without one.
// - a page request with no session cookie goes to the sign-in page, remembering where it was going.
import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/http/session-cookie";
import { signInPath } from "@/lib/http/next-path";
import { contentSecurityPolicy, OTHER_SECURITY_HEADERS } from "@/lib/http/security-policy.mjs";

/** Pages reachable signed out: signing in, and setting a password with a one-time link. */
function isPublicPage(pathname: string): boolean {
  return pathname === "/sign-in" || /^\/invite\/[^/]+$/.test(pathname);
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (!isPublicPage(pathname) && !hasSessionCookie(request.cookies.getAll().map((c) => c.name))) {
    // On this server's own URL, which Next.js sends as a relative Location (the client may know
    // this server under another name).
    const redirect = NextResponse.redirect(new URL(signInPath(`${pathname}${search}`), request.nextUrl), 307);
    redirect.headers.set("cache-control", "no-store");
    for (const { key, value } of OTHER_SECURITY_HEADERS) redirect.headers.set(key, value);
    return redirect;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  // NODE_ENV is fixed by Next.js at build time (not configuration): eval is for its dev server only.
  const policy = contentSecurityPolicy({ dev: process.env.NODE_ENV === "development", nonce });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: the API and the build's files keep next.config.mjs's fixed policy.
  matcher: ["/((?!api/|api$|_next/static/|_next/image|favicon\\.ico).*)"],
};
