// Replacing the recovery codes against a real better-auth and PGlite: the password and a second
// factor first (each wrong one refused and audited), then ten new codes and the old ones dead; a
// recovery code is also a second factor for turning two-factor off. No code ever reaches the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/lib/db/database";
import { auditLog, user } from "@/lib/db/schema";
import { secretFromUri, totp } from "@/tests/support/totp";
import { createAuth, type Auth } from "./auth";
import type { SessionUser } from "./session";
import { disableTwoFactor, recoveryCodesLeft, replaceRecoveryCodes, startEnrolment } from "./two-factor";

let database: Database;
let auth: Auth;
const password = "A-strong-passw0rd!";
const info = { requestId: "r1", ip: "203.0.113.5", userAgent: "vitest" };

beforeAll(async () => {
  database = await openDatabase({ kind: "pglite", dataDir: null });
  auth = createAuth({ db: database.db, secret: "z".repeat(32), idleMinutes: 60 });
}, 60_000);
afterAll(() => database.close());

const cookieOf = (set: Headers) =>
  set
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signedInHeaders(email: string): Promise<Headers> {
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return new Headers({ cookie: cookieOf(headers) });
}

/** A reviewer with two-factor sign-in on: their headers, their secret, their first recovery codes. */
async function enrolled(email: string) {
  await auth.api.createUser({ body: { email, name: "R", role: "reviewer", password } });
  const [row] = await database.db.select().from(user).where(eq(user.email, email));
  const me: SessionUser = { id: row!.id, email, name: "R", role: "reviewer" };
  const { totpURI } = await startEnrolment(
    auth,
    database.db,
    await signedInHeaders(email),
    me,
    info,
    password,
  );
  const secret = secretFromUri(totpURI);
  // Turning it on gives the browser a new session (better-auth's verifyTOTP sets the cookie); keep it.
  const { headers: set } = await auth.api.verifyTOTP({
    body: { code: totp(secret) },
    headers: await signedInHeaders(email),
    returnHeaders: true,
  });
  const headers = new Headers({ cookie: cookieOf(set) });
  const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: row!.id } });
  return { me: { ...me, twoFactorEnabled: true }, headers, secret, first: backupCodes };
}

async function rows(userId: string, action: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .then((all) => all.filter((r) => r.actorUserId === userId));
}

describe("replacing recovery codes", () => {
  it("takes the password and a code, then gives ten new codes and kills the old ones", async () => {
    const { me, headers, secret, first } = await enrolled("codes@example.com");
    expect(await recoveryCodesLeft(auth, me)).toBe(10);

    await expect(
      replaceRecoveryCodes(auth, database.db, headers, me, info, { password: "nope", code: totp(secret) }),
    ).rejects.toMatchObject({ code: "validation_failed", message: expect.stringMatching(/^password:/) });
    await expect(
      replaceRecoveryCodes(auth, database.db, headers, me, info, { password, code: "000000" }),
    ).rejects.toMatchObject({ code: "validation_failed", message: expect.stringMatching(/^code:/) });
    expect(await recoveryCodesLeft(auth, me)).toBe(10); // nothing changed

    // One old recovery code proves the second factor (and is used up by it).
    const { backupCodes } = await replaceRecoveryCodes(auth, database.db, headers, me, info, {
      password,
      code: first[0]!,
    });
    expect(backupCodes).toHaveLength(10);
    expect(backupCodes.some((c) => first.includes(c))).toBe(false);
    expect(await recoveryCodesLeft(auth, me)).toBe(10);
    // The old codes no longer work; a new one does, once.
    await expect(
      replaceRecoveryCodes(auth, database.db, headers, me, info, { password, code: first[1]! }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^code:/) });
    await replaceRecoveryCodes(auth, database.db, headers, me, info, { password, code: backupCodes[0]! });

    const audited = await rows(me.id, "recovery_codes_replaced");
    expect(audited.map((r) => [r.outcome, r.errorCode])).toEqual([
      ["error", "wrong_password"],
      ["error", "invalid_code"],
      ["ok", null],
      ["error", "invalid_code"],
      ["ok", null],
    ]);
    expect(audited[2]!.details).toEqual({ method: "recovery_code" });
    const everything = JSON.stringify(await database.db.select().from(auditLog));
    for (const c of [...first, ...backupCodes]) expect(everything).not.toContain(c);
    expect(everything).not.toContain("nope");
  }, 60_000);

  it("is refused when two-factor sign-in is off", async () => {
    await auth.api.createUser({ body: { email: "off@example.com", name: "O", role: "reviewer", password } });
    const [row] = await database.db.select().from(user).where(eq(user.email, "off@example.com"));
    const me: SessionUser = { id: row!.id, email: "off@example.com", name: "O", role: "reviewer" };
    const headers = await signedInHeaders("off@example.com");
    await expect(
      replaceRecoveryCodes(auth, database.db, headers, me, info, { password, code: "123456" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await recoveryCodesLeft(auth, me)).toBeNull();
  }, 60_000);

  it("lets a recovery code turn two-factor sign-in off (for someone who lost the app)", async () => {
    const { me, headers, first } = await enrolled("lost-phone@example.com");
    await disableTwoFactor(auth, database.db, headers, me, info, { password, code: first[3]! });
    const [row] = await database.db.select().from(user).where(eq(user.id, me.id));
    expect(row!.twoFactorEnabled).toBe(false);
  }, 60_000);
});
