// This process's sign-in service: better-auth over the database, with its starting accounts in
// place (demo users in demo mode; the first admin, from the environment, in real mode).
import "server-only";
import { getDatabase } from "@/lib/db";
import { env, isDemoMode } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createAuth, type Auth } from "./auth";
import { oidcConfig, passwordSignInEnabled } from "./oidc-config";
import { ensureRealModeAccounts, seedDemoAccounts } from "./bootstrap";
import { authSecret } from "./secret";

const SLOT = Symbol.for("keydesk.auth");
type Slot = { [SLOT]?: Promise<Auth> };

async function start(): Promise<Auth> {
  const e = env();
  const { db } = await getDatabase();
  const sso = oidcConfig(e);
  const auth = createAuth({
    db,
    secret: authSecret(),
    baseURL: e.KEYDESK_URL,
    idleMinutes: e.KEYDESK_SESSION_IDLE_MINUTES,
    sso,
    passwordSignIn: passwordSignInEnabled(e),
  });
  if (isDemoMode(e)) {
    await seedDemoAccounts(auth, db);
  } else {
    const { createdAdmin, removedDemo } = await ensureRealModeAccounts(auth, db, {
      email: e.KEYDESK_ADMIN_EMAIL,
      password: e.KEYDESK_ADMIN_PASSWORD,
      // Single sign-on that maps a group to admin can bring the first admin instead.
      firstAdminBySso: sso?.roleMap.some((m) => m.role === "admin") ?? false,
    });
    if (removedDemo > 0)
      logger.warn(`Keydesk: removed ${removedDemo} demo account(s): they may not exist outside demo mode.`);
    // Not the address itself: the log holds no personal data (it is on the audit log).
    if (createdAdmin) logger.info("Keydesk: created the first admin (KEYDESK_ADMIN_EMAIL).");
  }
  return auth;
}

export function getAuth(): Promise<Auth> {
  const slot = globalThis as Slot;
  slot[SLOT] ??= start();
  slot[SLOT].catch(() => delete slot[SLOT]);
  return slot[SLOT];
}

export type { Auth } from "./auth";

/**
 * Everything the first sign-in would otherwise wait for, done at start (instrumentation.ts, in the
 * background): the database opened and migrated, better-auth built, the starting accounts in place,
 * and one password hash and check, so the hashing code is loaded and compiled before anyone signs in.
 */
export async function warmUp(): Promise<void> {
  const auth = await getAuth();
  const { password } = await auth.$context;
  const sample = "keydesk-warm-up-only";
  await password.verify({ hash: await password.hash(sample), password: sample });
}
