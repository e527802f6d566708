// How a person can confirm it's them for a dangerous action: their password (only if they have
// one, better-auth's `credential` account, and password sign-in is on), and/or the single sign-on
// provider (when one is set up). The step-up dialog shows exactly these.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { account } from "@/lib/db/schema";
import type { Env } from "@/lib/env";
import { oidcConfig, passwordSignInEnabled } from "./oidc-config";

export interface StepUpMethods {
  /** The password (and a code when enrolled) is a way to confirm. */
  withPassword: boolean;
  /** "Confirm with <name>": the provider's sign-in, in a popup. */
  sso: { name: string } | null;
}

/** Whether the person has a Keydesk password; people who only ever signed in with SSO do not. */
export async function hasPasswordCredential(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: account.id })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")))
    .limit(1);
  return Boolean(row);
}

export async function stepUpMethods(db: Db, e: Env, userId: string): Promise<StepUpMethods> {
  const sso = oidcConfig(e);
  return {
    withPassword: passwordSignInEnabled(e) && (await hasPasswordCredential(db, userId)),
    sso: sso ? { name: sso.name } : null,
  };
}
