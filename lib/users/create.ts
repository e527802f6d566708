// Adding a user: email, name and role. better-auth makes the user (without a password); the admin
// gets a one-time link for the new user to set their own. Keydesk checks the email is free first,
// so a duplicate is a clear 409 naming the field rather than better-auth's generic 400.
import "server-only";
import { APIError } from "better-auth/api";
import { ApiError } from "@/lib/http/api-error";
import type { Auth } from "@/lib/auth";
import type { Db } from "@/lib/db";
import type { NewUserInput } from "./schema";
import { recordUserAction } from "./audit";
import { issueInvite, type IssuedInvite } from "./invites";
import { findUserByEmail, getUser } from "./list";
import type { UserActionContext, UserSummary } from "./types";

function duplicate(email: string): ApiError {
  return new ApiError("conflict", `A user with the email ${email} already exists.`, {
    fields: [{ path: ["email"], message: "A user with this email already exists." }],
  });
}

export async function createUser(
  auth: Auth,
  db: Db,
  ctx: UserActionContext,
  input: NewUserInput,
): Promise<{ user: UserSummary; invite: IssuedInvite }> {
  const email = input.email.toLowerCase();
  if (await findUserByEmail(db, email)) throw duplicate(email);
  let id: string;
  try {
    // No headers: a server-side call, authorised by the route's own role check.
    const created = await auth.api.createUser({ body: { email, name: input.name, role: input.role } });
    id = created.user.id;
  } catch (error) {
    // Someone added the same email between the check and the insert.
    if (error instanceof APIError && (await findUserByEmail(db, email))) throw duplicate(email);
    throw error;
  }
  const invite = await issueInvite(db, id, "new_user", ctx.actor.id);
  const user = await getUser(db, id);
  await recordUserAction(db, ctx, "user_created", user, {
    email: { before: null, after: user.email },
    name: { before: null, after: user.name },
    role: { before: null, after: user.role },
    disabled: { before: null, after: user.disabled },
  });
  await recordUserAction(db, ctx, "user_invite_created", user, {
    purpose: { before: null, after: "new_user" },
    expiresAt: { before: null, after: invite.expiresAt },
  });
  return { user, invite };
}
