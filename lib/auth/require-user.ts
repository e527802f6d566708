// For pages: the signed-in user, or a redirect to the sign-in page. Every page calls this itself.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ConfigError } from "./secret";
import { getPendingUser, getSessionUser, type SessionUser } from "./session";

/** The signed-in user; anyone else goes to the sign-in page (which also explains a configuration problem). */
export async function requireUser(): Promise<SessionUser> {
  let user: SessionUser | null;
  try {
    user = await getSessionUser(await headers());
  } catch (error) {
    if (ConfigError.is(error)) redirect("/sign-in");
    throw error;
  }
  if (!user) {
    // Signed in with single sign-on but without a role yet: the waiting page, and nothing else.
    if (await getPendingUser(await headers())) redirect("/pending");
    redirect("/sign-in");
  }
  return user;
}

export async function currentUser(): Promise<SessionUser | null> {
  return getSessionUser(await headers());
}
