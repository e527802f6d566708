// The accounts Keydesk starts with, against a real PGlite database and better-auth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/lib/db/database";
import { user } from "@/lib/db/schema";
import { createAuth, type Auth } from "./auth";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureRealModeAccounts, seedDemoAccounts } from "./bootstrap";
import { ConfigError } from "@/lib/env";

let database: Database;
let auth: Auth;

beforeAll(async () => {
  database = await openDatabase({ kind: "pglite", dataDir: null });
  auth = createAuth({ db: database.db, secret: "x".repeat(32), idleMinutes: 60 });
});
afterAll(() => database.close());

const emails = async () =>
  (await database.db.select({ email: user.email, role: user.role }).from(user)).sort((a, b) =>
    a.email.localeCompare(b.email),
  );

describe("demo mode", () => {
  it("seeds one account per role, once, and each signs in with the published password", async () => {
    await seedDemoAccounts(auth, database.db);
    await seedDemoAccounts(auth, database.db);
    expect(await emails()).toEqual(
      DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role })).sort((a, b) =>
        a.email.localeCompare(b.email),
      ),
    );
    for (const account of DEMO_ACCOUNTS) {
      const result = await auth.api.signInEmail({ body: { email: account.email, password: DEMO_PASSWORD } });
      expect(result.user.email).toBe(account.email);
    }
  });
});

describe("real mode", () => {
  it("refuses to start without a first admin, or with a weak password or a demo address", async () => {
    await expect(ensureRealModeAccounts(auth, database.db, {})).rejects.toThrow(
      /set KEYDESK_ADMIN_EMAIL and KEYDESK_ADMIN_PASSWORD/,
    );
    await expect(
      ensureRealModeAccounts(auth, database.db, { email: "ops@example.com", password: "short" }),
    ).rejects.toThrow(/KEYDESK_ADMIN_PASSWORD is too weak: it must be at least 12 characters/);
    await expect(
      ensureRealModeAccounts(auth, database.db, { email: "ops@example.com", password: "aaaaaaaaaaaaaaa" }),
    ).rejects.toThrow(ConfigError);
    await expect(
      ensureRealModeAccounts(auth, database.db, { email: "x@demo.keydesk", password: "A-strong-passw0rd!" }),
    ).rejects.toThrow(/demo address/);
  });

  it("removes every demo account, creates the first admin once, and ignores the variables after", async () => {
    await seedDemoAccounts(auth, database.db);
    const first = await ensureRealModeAccounts(auth, database.db, {
      email: "ops@example.com",
      password: "A-strong-passw0rd!",
    });
    expect(first).toEqual({ createdAdmin: "ops@example.com", removedDemo: 3 });
    expect(await emails()).toEqual([{ email: "ops@example.com", role: "admin" }]);
    const again = await ensureRealModeAccounts(auth, database.db, {
      email: "other@example.com",
      password: "Another-strong-passw0rd",
    });
    expect(again).toEqual({ createdAdmin: null, removedDemo: 0 });
    const [admin] = await database.db.select().from(user).where(eq(user.email, "ops@example.com"));
    expect(admin!.role).toBe("admin");
  });
});
