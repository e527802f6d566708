// Keydesk's security headers, in one place for next.config.mjs (every response), proxy.ts (each
// page's nonce CSP) and the answers Keydesk gives before Next.js sees a request. Plain JavaScript
// because next.config.mjs is loaded by Node without a TypeScript step.

/**
 * The Content-Security-Policy. With a nonce (a page), scripts run only when they carry it, and
 * what they load ('strict-dynamic'); without one (API answers, files), only Keydesk's own files.
 * Styles keep 'unsafe-inline' (React's style attributes); eval only on the development server.
 * @param {{ dev: boolean, nonce?: string }} options
 */
export function contentSecurityPolicy({ dev, nonce }) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers besides the CSP, the same on every response. */
export const OTHER_SECURITY_HEADERS = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
]);
