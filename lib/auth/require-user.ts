// For pages: the signed-in user, or a redirect to the sign-in page. Every page calls this itself.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ConfigError } from "@/lib/env";
import { getPendingUser, getSessionUser, type SessionUser } from "./session";
import { ENROLMENT_PATH, mustEnrol } from "./two-factor-policy";

/** The signed-in user; anyone else goes to the sign-in page (which also explains a configuration problem).
 * A person whose role must use two-factor sign-in and who has not enrolled goes to enrolment, except where allowed. */
export async function requireUser(options: { allowUnenrolled?: boolean } = {}): Promise<SessionUser> {
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
  if (!options.allowUnenrolled && mustEnrol(user)) redirect(ENROLMENT_PATH);
  return user;
}

export async function currentUser(): Promise<SessionUser | null> {
  return getSessionUser(await headers());
}
