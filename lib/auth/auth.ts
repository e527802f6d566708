// Sign-in, sessions and roles, by better-auth: email and password, sessions in Keydesk's database,
// its admin plugin for roles and disabling users, its rate limiter (stored in the database, so it
// holds across instances). Sign-up is off: only an admin adds users.
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin, genericOAuth, twoFactor } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { isSameOrigin } from "@/lib/http/request-info";
import { STAMP_HEADERS } from "@/lib/http/request-stamp";
import type { Db } from "@/lib/db";
import { schema } from "@/lib/db/schema";
import { MIN_PASSWORD_LENGTH } from "./password-policy";
import { logAuthMessage } from "./auth-logger";
import type { OidcConfig } from "./oidc-config";
import { PENDING_ROLE } from "@/lib/roles";
import { ssoDatabaseHooks, ssoProviderConfig } from "./sso-provider";

const ac = createAccessControl(defaultStatements);
/** Only Keydesk admins manage Keydesk users; the other roles hold no better-auth admin rights. */
const roles = {
  admin: ac.newRole({ ...adminAc.statements }),
  support: ac.newRole({ user: [], session: [] }),
  reviewer: ac.newRole({ user: [], session: [] }),
  // A single sign-on user waiting for an admin to give them a role (see roles.ts): no rights.
  [PENDING_ROLE]: ac.newRole({ user: [], session: [] }),
};

export interface AuthOptions {
  db: Db;
  secret: string;
  /** Keydesk's public URL when known; https makes cookies Secure. */
  baseURL?: string;
  idleMinutes: number;
  /** Sign-in requests allowed per minute and address before a 429 (failures per account are
   * limited separately, see sign-in-throttle.ts). */
  signInPerMinute?: number;
  /** Single sign-on with one OpenID Connect provider (better-auth's genericOAuth plugin). */
  sso?: OidcConfig | null;
  /** False: better-auth refuses email-and-password sign-in too (Keydesk's route already does). */
  passwordSignIn?: boolean;
}

export function createAuth(options: AuthOptions) {
  const idleSeconds = options.idleMinutes * 60;
  return betterAuth({
    appName: "Keydesk",
    secret: options.secret,
    // Without a configured URL, Keydesk serves whatever host it is reached at (a demo on
    // localhost, a test server on 127.0.0.1). Origins are still checked: the request's Origin
    // must be the host it was sent to (the same rule as every other Keydesk mutation).
    baseURL: options.baseURL ?? { allowedHosts: ["*"], protocol: "auto", fallback: "http://localhost:3000" },
    trustedOrigins: (request) => {
      const origin = request?.headers.get("origin");
      return origin && request && isSameOrigin(request) ? [origin] : [];
    },
    database: drizzleAdapter(options.db, { provider: "pg", schema }),
    emailAndPassword: {
      enabled: options.passwordSignIn ?? true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      // A session lasts `idle` past its last refresh and is refreshed on use (at most every few
      // minutes): together, it ends after that long without use.
      expiresIn: idleSeconds,
      updateAge: Math.min(300, Math.floor(idleSeconds / 4)),
      // Every request checks the database, so a disabled user or a sign-out takes effect at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInPerMinute ?? 30 },
        // The second sign-in step (a code or a recovery code), per address; better-auth also allows 5 tries per
        // password step and locks the account's second factor for 15 minutes after 10 failures in a row.
        "/two-factor/*": { window: 60, max: 12 },
      },
    },
    advanced: {
      // The client's address for the limits and sessions: only the header Keydesk's server hook
      // stamps from the socket (or a trusted proxy) and route.ts passes on; never X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [STAMP_HEADERS.clientIp] },
      useSecureCookies: options.baseURL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: () => crypto.randomUUID() },
    },
    logger: { level: "warn", log: logAuthMessage },
    // An OAuth error lands on the sign-in page, which explains it (better-auth's own error page is not exposed).
    onAPIError: { errorURL: "/sign-in" },
    // A single sign-on identity never takes over an existing Keydesk account by its email alone
    // (better-auth links only to locally verified emails, and Keydesk's own users are not).
    // The provider's access and refresh tokens (which Keydesk never uses) are kept encrypted.
    account: { accountLinking: { enabled: true, requireLocalEmailVerified: true }, encryptOAuthTokens: true },
    ...(options.sso ? { databaseHooks: ssoDatabaseHooks } : {}),
    plugins: [
      admin({ ac, roles, adminRoles: ["admin"], defaultRole: "reviewer" }),
      ...(options.sso ? [genericOAuth({ config: [ssoProviderConfig(options.sso)] })] : []),
      // TOTP two-factor sign-in (lib/auth/two-factor.ts): the secret and the recovery codes are stored encrypted with
      // the auth secret. No "trust this device": every sign-in asks for the code.
      twoFactor({
        issuer: "Keydesk",
        twoFactorCookieMaxAge: 300,
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: "encrypted" },
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
