// Single sign-on as the environment sets it up (validated in lib/env.ts): one OpenID Connect
// provider, found through its issuer's discovery document, and whether password sign-in stays on.
import type { Env } from "@/lib/env";
import type { RoleMap } from "@/lib/roles";

/** better-auth's id for the provider: its callback is /api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

export interface OidcConfig {
  providerId: typeof SSO_PROVIDER_ID;
  /** Shown on the sign-in button: "Sign in with <name>". */
  name: string;
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  roleClaim: string;
  roleMap: RoleMap;
}

export function oidcConfig(e: Env): OidcConfig | null {
  if (!e.KEYDESK_OIDC_ISSUER || !e.KEYDESK_OIDC_CLIENT_ID || !e.KEYDESK_OIDC_CLIENT_SECRET) return null;
  const issuer = e.KEYDESK_OIDC_ISSUER;
  return {
    providerId: SSO_PROVIDER_ID,
    name: e.KEYDESK_OIDC_NAME,
    issuer,
    discoveryUrl: `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: e.KEYDESK_OIDC_CLIENT_ID,
    clientSecret: e.KEYDESK_OIDC_CLIENT_SECRET,
    scopes: e.KEYDESK_OIDC_SCOPES,
    roleClaim: e.KEYDESK_OIDC_ROLE_CLAIM,
    roleMap: e.KEYDESK_OIDC_ROLE_MAP,
  };
}

export function passwordSignInEnabled(e: Env): boolean {
  return e.KEYDESK_PASSWORD_SIGN_IN === "on";
}
