import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAuth, type Auth } from "@/lib/auth/auth";
import type { Db } from "@/lib/db/database";
import { account, auditLog, session, userInvite } from "@/lib/db/schema";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { acceptInvite, createUser, lookupInvite, sendPasswordLink } from "./index";
import { INVITE_LIFETIME_MS } from "./invite-token";
import type { UserActionContext } from "./types";

const open = testDatabases();
const ROOT_PASSWORD = "Harbour-Lights-73";
const info = { requestId: "req-2", ip: "198.51.100.4", userAgent: "vitest" };

async function setup(kind: "pglite" | "postgres") {
  const { db } = await open(kind);
  const auth = createAuth({ db, secret: "test-only-secret-0123456789abcdef0123", idleMinutes: 60 });
  const created = await auth.api.createUser({
    body: { email: "root@example.com", name: "Root", role: "admin", password: ROOT_PASSWORD },
  });
  const ctx: UserActionContext = {
    actor: { id: created.user.id, email: "root@example.com", name: "Root", role: "admin" },
    info,
  };
  return { db, auth, ctx };
}

const signIn = (auth: Auth, email: string, password: string) =>
  auth.api.signInEmail({ body: { email, password } }).then(
    () => true,
    () => false,
  );
const auditRows = (db: Db) => db.select().from(auditLog).orderBy(auditLog.id);

describe.each(DATABASE_KINDS)("invites (%s)", (kind) => {
  it("adding a user makes a one-time link; the user sets their own password with it, once", async () => {
    const { db, auth, ctx } = await setup(kind);
    const { user, invite } = await createUser(auth, db, ctx, {
      email: "Niamh@Example.com",
      name: "Niamh",
      role: "support",
    });
    expect(user).toMatchObject({ email: "niamh@example.com", role: "support" });
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Nothing stored holds the token itself, and no password exists yet.
    const stored = await db.select().from(userInvite);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(invite.token);
    expect(await db.select().from(account).where(eq(account.userId, user.id))).toEqual([]);
    expect(new Date(invite.expiresAt).getTime() - Date.now()).toBeGreaterThan(INVITE_LIFETIME_MS - 60_000);

    expect(await lookupInvite(db, invite.token)).toEqual({
      state: "valid",
      email: "niamh@example.com",
      purpose: "new_user",
    });
    await expect(acceptInvite(auth, db, info, invite.token, "password1234")).rejects.toMatchObject({
      code: "validation_failed",
      extra: { fields: [{ path: ["password"] }] },
    });
    await expect(acceptInvite(auth, db, info, invite.token, "my-niamh-words-1")).rejects.toMatchObject({
      code: "validation_failed",
    });
    const chosen = "Copper-Kettle-4412";
    expect(await acceptInvite(auth, db, info, invite.token, chosen)).toEqual({ email: "niamh@example.com" });
    expect(await signIn(auth, "niamh@example.com", chosen)).toBe(true);

    // The same link again: refused, and the password stays.
    expect(await lookupInvite(db, invite.token)).toMatchObject({ state: "used" });
    await expect(acceptInvite(auth, db, info, invite.token, "Another-Choice-9981")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("used already"),
    });
    expect(await signIn(auth, "niamh@example.com", chosen)).toBe(true);
    await expect(acceptInvite(auth, db, info, "x".repeat(43), chosen)).rejects.toMatchObject({
      code: "not_found",
    });

    const rows = await auditRows(db);
    expect(rows.map((r) => [r.action, r.outcome, r.errorCode])).toEqual([
      ["user_created", "ok", null],
      ["user_invite_created", "ok", null],
      ["user_invite_used", "ok", null],
      ["user_invite_refused", "error", "used"],
      ["user_invite_refused", "error", "unknown"],
    ]);
    expect(rows[2]).toMatchObject({
      actorEmail: "niamh@example.com",
      targetName: "niamh@example.com",
      targetUserId: user.id,
    });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(invite.token);
    expect(text).not.toContain(chosen);
  });

  it("an expired link is refused with a clear message and audited", async () => {
    const { db, auth, ctx } = await setup(kind);
    const { invite } = await createUser(auth, db, ctx, {
      email: "late@example.com",
      name: "Late",
      role: "reviewer",
    });
    const later = new Date(Date.now() + INVITE_LIFETIME_MS + 1000);
    expect(await lookupInvite(db, invite.token, later)).toMatchObject({ state: "expired" });
    await expect(
      acceptInvite(auth, db, info, invite.token, "Copper-Kettle-4412", later),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("expired") });
    expect((await auditRows(db)).at(-1)).toMatchObject({
      action: "user_invite_refused",
      outcome: "error",
      errorCode: "expired",
      targetName: "late@example.com",
    });
  });

  it("a password reset link ends the user's sessions and the old password, and replaces any earlier link", async () => {
    const { db, auth, ctx } = await setup(kind);
    const { user, invite: first } = await createUser(auth, db, ctx, {
      email: "oli@example.com",
      name: "Oli",
      role: "reviewer",
    });
    await acceptInvite(auth, db, info, first.token, "Copper-Kettle-4412");
    expect(await signIn(auth, "oli@example.com", "Copper-Kettle-4412")).toBe(true);
    expect(await db.select().from(session).where(eq(session.userId, user.id))).toHaveLength(1);

    const reset = await sendPasswordLink(db, ctx, user.id);
    const again = await sendPasswordLink(db, ctx, user.id);
    expect(await db.select().from(session).where(eq(session.userId, user.id))).toHaveLength(0);
    expect(await signIn(auth, "oli@example.com", "Copper-Kettle-4412")).toBe(false);
    expect(await lookupInvite(db, reset.token)).toEqual({ state: "unknown" });
    await acceptInvite(auth, db, info, again.token, "Silver-Lantern-2087");
    expect(await signIn(auth, "oli@example.com", "Silver-Lantern-2087")).toBe(true);
    const actions = (await auditRows(db)).map((r) => r.action);
    expect(actions.filter((a) => a === "user_password_reset")).toHaveLength(2);
  });

  it("a disabled user's link is refused", async () => {
    const { db, auth, ctx } = await setup(kind);
    const { user, invite } = await createUser(auth, db, ctx, {
      email: "gone@example.com",
      name: "Gone",
      role: "reviewer",
    });
    const { setDisabled } = await import("./disabled");
    await setDisabled(db, ctx, user.id, true);
    await expect(acceptInvite(auth, db, info, invite.token, "Copper-Kettle-4412")).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
