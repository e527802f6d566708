// The accounts Keydesk starts with. Demo mode: one user per role, with a published password.
// Real mode: no demo account may exist, and the first admin comes from the environment.
import "server-only";
import { eq, like } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { user } from "@/lib/db/schema";
import type { Auth } from "./auth";
import { passwordProblem } from "./password-policy";
import type { Role } from "@/lib/roles";
import { ConfigError } from "@/lib/env";

export const DEMO_PASSWORD = "keydesk-demo";
export const DEMO_DOMAIN = "demo.keydesk";
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: `admin@${DEMO_DOMAIN}`, name: "Ada Admin", role: "admin" },
  { email: `support@${DEMO_DOMAIN}`, name: "Sam Support", role: "support" },
  { email: `reviewer@${DEMO_DOMAIN}`, name: "Rae Reviewer", role: "reviewer" },
];

export async function seedDemoAccounts(auth: Auth, db: Db): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.select({ id: user.id }).from(user).where(eq(user.email, account.email));
    if (existing.length > 0) continue;
    await auth.api.createUser({ body: { ...account, password: DEMO_PASSWORD } });
  }
}

export interface FirstAdmin {
  email?: string;
  password?: string;
  /** Single sign-on maps a group to admin: without KEYDESK_ADMIN_EMAIL, the first admin signs in that way. */
  firstAdminBySso?: boolean;
}

/** Real mode: removes any demo account, and creates the first admin when there is none. */
export async function ensureRealModeAccounts(
  auth: Auth,
  db: Db,
  first: FirstAdmin,
): Promise<{ createdAdmin: string | null; removedDemo: number }> {
  const removed = await db
    .delete(user)
    .where(like(user.email, `%@${DEMO_DOMAIN}`))
    .returning({ id: user.id });
  const admins = await db.select({ id: user.id }).from(user).where(eq(user.role, "admin"));
  if (admins.length > 0) return { createdAdmin: null, removedDemo: removed.length };
  if (!first.email && first.firstAdminBySso) return { createdAdmin: null, removedDemo: removed.length };
  if (!first.email || !first.password) {
    throw new ConfigError(
      "Keydesk has no admin yet: set KEYDESK_ADMIN_EMAIL and KEYDESK_ADMIN_PASSWORD to create the first one.",
    );
  }
  if (first.email.toLowerCase().endsWith(`@${DEMO_DOMAIN}`)) {
    throw new ConfigError(
      `KEYDESK_ADMIN_EMAIL may not be a demo address (@${DEMO_DOMAIN}) outside demo mode.`,
    );
  }
  const problem = passwordProblem(first.password, first.email);
  if (problem) throw new ConfigError(`KEYDESK_ADMIN_PASSWORD is too weak: it ${problem}.`);
  await auth.api.createUser({
    body: { email: first.email, name: first.email.split("@")[0]!, role: "admin", password: first.password },
  });
  return { createdAdmin: first.email, removedDemo: removed.length };
}
