import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAuth, type Auth } from "@/lib/auth/auth";
import type { Db } from "@/lib/db/database";
import { auditLog, session } from "@/lib/db/schema";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { acceptInvite, changeUser, createUser, listUsers, sendPasswordLink } from "./index";
import type { UserActionContext } from "./types";

const open = testDatabases();
const PASSWORD = "Harbour-Lights-73";

async function setup(kind: "pglite" | "postgres") {
  const { db } = await open(kind);
  const auth = createAuth({ db, secret: "test-only-secret-0123456789abcdef0123", idleMinutes: 60 });
  const created = await auth.api.createUser({
    body: { email: "root@example.com", name: "Root", role: "admin", password: PASSWORD },
  });
  const ctx: UserActionContext = {
    actor: { id: created.user.id, email: "root@example.com", name: "Root", role: "admin" },
    info: { requestId: "req-1", ip: "203.0.113.9", userAgent: "vitest" },
  };
  return { db, auth, ctx, adminId: created.user.id };
}

async function signIn(auth: Auth, email: string, password: string) {
  return auth.api.signInEmail({ body: { email, password } }).then(
    () => true,
    () => false,
  );
}

const sessionsOf = (db: Db, userId: string) =>
  db.select({ id: session.id }).from(session).where(eq(session.userId, userId));
const auditRows = (db: Db) => db.select().from(auditLog).orderBy(auditLog.id);

describe.each(DATABASE_KINDS)("users (%s)", (kind) => {
  it("creates, lists, changes role, disables (ending sessions), enables and resets, each audited without a password", async () => {
    const { db, auth, ctx } = await setup(kind);
    const { user, invite } = await createUser(auth, db, ctx, {
      email: "Patricia@Example.com",
      name: "Pat",
      role: "support",
    });
    expect(user).toMatchObject({
      email: "patricia@example.com",
      name: "Pat",
      role: "support",
      disabled: false,
    });
    await expect(
      createUser(auth, db, ctx, { email: "patricia@example.com", name: "Again", role: "support" }),
    ).rejects.toMatchObject({ code: "conflict" });
    await acceptInvite(auth, db, ctx.info, invite.token, PASSWORD);

    const listed = await listUsers(db);
    expect(listed.map((u) => Object.keys(u).sort())).toEqual(
      listed.map(() => ["createdAt", "disabled", "email", "id", "name", "pending", "role"]),
    );

    expect(await changeUser(db, ctx, user.id, { role: "reviewer" })).toMatchObject({ role: "reviewer" });

    expect(await signIn(auth, "patricia@example.com", PASSWORD)).toBe(true);
    expect(await sessionsOf(db, user.id)).toHaveLength(1);
    expect(await changeUser(db, ctx, user.id, { disabled: true })).toMatchObject({ disabled: true });
    expect(await sessionsOf(db, user.id)).toHaveLength(0);
    expect(await signIn(auth, "patricia@example.com", PASSWORD)).toBe(false);
    await changeUser(db, ctx, user.id, { disabled: false });

    const next = "Quiet-Meadow-5150";
    expect(await signIn(auth, "patricia@example.com", PASSWORD)).toBe(true);
    const link = await sendPasswordLink(db, ctx, user.id);
    expect(await sessionsOf(db, user.id)).toHaveLength(0);
    expect(await signIn(auth, "patricia@example.com", PASSWORD)).toBe(false);
    await expect(acceptInvite(auth, db, ctx.info, link.token, "My-patricia-pass-1")).rejects.toMatchObject({
      code: "validation_failed",
    });
    await acceptInvite(auth, db, ctx.info, link.token, next);
    expect(await signIn(auth, "patricia@example.com", next)).toBe(true);

    const rows = await auditRows(db);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["user_created", "ok"],
      ["user_invite_created", "ok"],
      ["user_invite_used", "ok"],
      ["user_role_changed", "ok"],
      ["user_disabled", "ok"],
      ["user_enabled", "ok"],
      ["user_password_reset", "ok"],
      ["user_invite_created", "ok"],
      ["user_invite_used", "ok"],
    ]);
    for (const r of rows)
      expect(r).toMatchObject({
        targetUserId: user.id,
        targetName: "patricia@example.com",
        requestId: "req-1",
      });
    for (const r of rows.filter((r) => r.action !== "user_invite_used"))
      expect(r).toMatchObject({ actorEmail: "root@example.com", actorRole: "admin" });
    expect(rows[3]!.changes).toEqual({ role: { before: "support", after: "reviewer" } });
    expect(rows[4]!.changes).toEqual({ disabled: { before: false, after: true } });
    expect(rows[6]!.changes).toBeNull();
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(JSON.stringify(rows)).not.toContain(next);
  });

  it("refuses to demote or disable the last enabled admin, and audits the refusal", async () => {
    const { db, auth, ctx, adminId } = await setup(kind);
    await expect(changeUser(db, ctx, adminId, { role: "support" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(changeUser(db, ctx, adminId, { disabled: true })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await auditRows(db)).map((r) => [r.action, r.outcome, r.errorCode])).toEqual([
      ["user_role_changed", "error", "last_admin"],
      ["user_disabled", "error", "last_admin"],
    ]);

    // A disabled admin does not count; an enabled one does.
    const { user: other } = await createUser(auth, db, ctx, {
      email: "second@example.com",
      name: "Second",
      role: "admin",
    });
    await changeUser(db, ctx, other.id, { disabled: true });
    await expect(changeUser(db, ctx, adminId, { role: "reviewer" })).rejects.toMatchObject({
      code: "conflict",
    });
    await changeUser(db, ctx, other.id, { disabled: false });
    expect(await changeUser(db, ctx, adminId, { role: "reviewer" })).toMatchObject({ role: "reviewer" });
    await expect(changeUser(db, ctx, other.id, { disabled: true })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("answers not_found for an unknown user", async () => {
    const { db, ctx } = await setup(kind);
    await expect(changeUser(db, ctx, "nobody", { role: "admin" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe.each(DATABASE_KINDS)("pending users (%s)", (kind) => {
  it("are listed as pending, and an admin gives them a role (audited as given)", async () => {
    const { db, auth, ctx } = await setup(kind);
    const made = await auth.api.createUser({
      body: { email: "waiting@example.com", name: "Waiting", role: "pending" },
    });
    const listed = (await listUsers(db)).find((u) => u.id === made.user.id);
    expect(listed).toMatchObject({ role: null, pending: true });
    expect(await changeUser(db, ctx, made.user.id, { role: "support" })).toMatchObject({
      role: "support",
      pending: false,
    });
    const [row] = await auditRows(db);
    expect(row).toMatchObject({
      action: "user_role_given",
      outcome: "ok",
      targetName: "waiting@example.com",
      changes: { role: { before: "pending", after: "support" } },
    });
  });
});
