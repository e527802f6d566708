// For pages: the signed-in user, or a redirect to the sign-in page. Every page calls this itself.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./session";

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in");
  return user;
}

export async function currentUser(): Promise<SessionUser | null> {
  return getSessionUser(await headers());
}
