// Enrolment against a real better-auth and PGlite: the secret and the recovery codes reach the
// person once, and are stored encrypted (with the auth secret), never as they were shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/lib/db/database";
import { auditLog, twoFactor, user } from "@/lib/db/schema";
import { createAuth, type Auth } from "./auth";
import { startEnrolment } from "./two-factor";

let database: Database;
let auth: Auth;
const password = "A-strong-passw0rd!";
const info = { requestId: "r1", ip: "203.0.113.5", userAgent: "vitest" };

beforeAll(async () => {
  database = await openDatabase({ kind: "pglite", dataDir: null });
  auth = createAuth({ db: database.db, secret: "y".repeat(32), idleMinutes: 60 });
}, 60_000);
afterAll(() => database.close());

async function signedInHeaders(email: string): Promise<Headers> {
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return new Headers({ cookie });
}

describe("two-factor enrolment", () => {
  it("shows the secret once and stores it, and the recovery codes, encrypted", async () => {
    await auth.api.createUser({ body: { email: "totp@example.com", name: "T", role: "reviewer", password } });
    const [row] = await database.db.select().from(user).where(eq(user.email, "totp@example.com"));
    const headers = await signedInHeaders("totp@example.com");
    const { totpURI, qr } = await startEnrolment(
      auth,
      database.db,
      headers,
      { id: row!.id, email: row!.email, name: row!.name, role: "reviewer" },
      info,
      password,
    );
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Keydesk:totp%40example\.com\?secret=[A-Z2-7]+/);
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);

    const base32 = new URL(totpURI).searchParams.get("secret")!;
    const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: row!.id } });
    expect(backupCodes).toHaveLength(10);
    const [stored] = await database.db.select().from(twoFactor).where(eq(twoFactor.userId, row!.id));
    expect(stored!.verified).toBe(false); // not on until a code confirms it
    expect(stored!.secret).not.toContain(base32);
    for (const code of backupCodes) expect(stored!.backupCodes).not.toContain(code);
    // better-auth's symmetric encryption: hex ciphertext, not JSON or the raw secret.
    expect(stored!.secret).toMatch(/^[0-9a-f]+$/);
    expect(stored!.backupCodes).toMatch(/^[0-9a-f]+$/);
  }, 60_000);

  it("refuses a wrong password, audits it, and pauses after five", async () => {
    const [row] = await database.db.select().from(user).where(eq(user.email, "totp@example.com"));
    const headers = await signedInHeaders("totp@example.com");
    const actor = { id: row!.id, email: row!.email, name: row!.name, role: "reviewer" as const };
    await expect(
      startEnrolment(auth, database.db, headers, actor, info, "not-the-password"),
    ).rejects.toMatchObject({ code: "validation_failed" });
    // Audited, and counted: after 5 wrong passwords in 15 minutes the next try waits.
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, "two_factor_enabled"));
    expect(rows.map((r) => [r.outcome, r.errorCode])).toEqual([["error", "wrong_password"]]);
    expect(JSON.stringify(rows)).not.toContain("not-the-password");
    for (let i = 0; i < 4; i++)
      await expect(
        startEnrolment(auth, database.db, headers, actor, info, "not-the-password"),
      ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(startEnrolment(auth, database.db, headers, actor, info, password)).rejects.toMatchObject({
      code: "rate_limited",
    });
  }, 60_000);
});
