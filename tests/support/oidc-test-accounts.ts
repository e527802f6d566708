// Who the test OpenID Connect provider (tests/support/oidc-provider.ts) knows, and its one client:
// shared by the provider, the Playwright config (Keydesk's KEYDESK_OIDC_* settings) and the tests.
export const OIDC_TEST_CLIENT = {
  clientId: "keydesk-e2e",
  clientSecret: "e2e-only-oidc-client-secret-0123456789",
};

/** The people this provider knows, by email. Groups go out in the `groups` claim. */
export const OIDC_TEST_PEOPLE = {
  support: {
    sub: "u-support-1",
    email: "sso.support@e2e.example",
    name: "Sid Support",
    groups: ["staff", "keydesk-support"],
  },
  newcomer: {
    sub: "u-newcomer-1",
    email: "sso.newcomer@e2e.example",
    name: "Nell Newcomer",
    groups: ["staff"],
  },
  admin: { sub: "u-admin-1", email: "sso.admin@e2e.example", name: "Ada SSO", groups: ["keydesk-admins"] },
} as const;

/** `KEYDESK_OIDC_ROLE_MAP` for these groups. */
export const OIDC_TEST_ROLE_MAP = "keydesk-admins=admin,keydesk-support=support,keydesk-reviewers=reviewer";
