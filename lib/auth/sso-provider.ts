// The single sign-on provider as better-auth's genericOAuth plugin takes it, and the database
// hooks that give a first-time user the role their claims map to (or "pending"). Discovery,
// state, PKCE, nonce and ID-token checks are better-auth's own.
import "server-only";
import type { BetterAuthOptions } from "better-auth";
import type { GenericOAuthConfig } from "better-auth/plugins";
import type { OidcConfig } from "./oidc-config";
import { roleFromClaims } from "./oidc-role-map";
import { PENDING_ROLE } from "@/lib/roles";
import { ssoCallbackState } from "./sso-callback-state";

export function ssoProviderConfig(config: OidcConfig): GenericOAuthConfig {
  return {
    providerId: config.providerId,
    name: config.name,
    discoveryUrl: config.discoveryUrl,
    // ID tokens are verified against the issuer's published keys, or the provider is not used.
    requireIdTokenVerification: true,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scopes: config.scopes,
    pkce: true,
    mapProfileToUser: (profile) => {
      const state = ssoCallbackState();
      if (state) {
        state.email = typeof profile.email === "string" ? profile.email.toLowerCase() : null;
        state.mappedRole = roleFromClaims(profile, config.roleClaim, config.roleMap);
      }
      const name = [profile.name, profile.preferred_username, profile.email].find(
        (v) => typeof v === "string" && v.trim() !== "",
      );
      return name ? { name: String(name) } : {};
    },
  };
}

/** Within a callback: the new user's role comes from their claims, else they wait as pending. */
export const ssoDatabaseHooks: NonNullable<BetterAuthOptions["databaseHooks"]> = {
  user: {
    create: {
      before: async (user) => {
        const state = ssoCallbackState();
        if (!state) return;
        const role = state.mappedRole ?? PENDING_ROLE;
        state.created = { email: String(user.email), role };
        return { data: { ...user, role } };
      },
    },
  },
  session: {
    create: {
      before: async (session) => {
        const state = ssoCallbackState();
        if (state) state.sessionUserId = session.userId;
      },
    },
  },
};
