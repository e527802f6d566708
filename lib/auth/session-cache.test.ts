import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAuth } from "@/lib/auth/auth";
import type { Db } from "@/lib/db/database";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { createSessionCache, sessionCookieValue, type AuthSession } from "./session-cache";

const open = testDatabases();
const PASSWORD = "Harbour-Lights-73";
const IDLE_MINUTES = 60;

afterEach(() => {
  vi.useRealTimers();
});

async function setup(kind: "pglite" | "postgres") {
  const { db } = await open(kind);
  const auth = createAuth({ db, secret: "test-only-secret-0123456789abcdef0123", idleMinutes: IDLE_MINUTES });
  await auth.api.createUser({
    body: { email: "rita@example.com", name: "Rita", role: "reviewer", password: PASSWORD },
  });
  const signIn = await auth.api.signInEmail({
    body: { email: "rita@example.com", password: PASSWORD },
    asResponse: true,
  });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  const context = await auth.$context;
  let lookups = 0;
  // Each better-auth lookup counted, and a hook to act just after one (a write "in between").
  let afterLookup: (() => Promise<void>) | null = null;
  const sessionFor = createSessionCache({
    db,
    lookup: async (headers) => {
      lookups++;
      const found = await auth.api.getSession({ headers });
      if (afterLookup) await afterLookup();
      return found;
    },
    cookieName: context.authCookies.sessionToken.name,
    expiresInSeconds: context.sessionConfig.expiresIn,
    updateAgeSeconds: context.sessionConfig.updateAge,
  });
  return {
    db,
    cookie,
    sessionFor,
    lookups: () => lookups,
    onLookup: (hook: (() => Promise<void>) | null) => (afterLookup = hook),
  };
}

const headersWith = (cookie: string) => new Headers({ cookie: `theme=dark; ${cookie}; lang=en` });
const roleOf = (session: AuthSession | null) => (session ? session.user.role : null);
const expiresAtOf = async (db: Db) =>
  new Date(
    (
      (await db.execute(sql`select "expires_at" from "session"`)) as unknown as {
        rows: { expires_at: Date | string }[];
      }
    ).rows[0]!.expires_at,
  );

describe("sessionCookieValue", () => {
  it("takes the one cookie of that name, and nothing when there is none or more than one", () => {
    expect(sessionCookieValue("a=1; kd.session=abc.sig; b=2", "kd.session")).toBe("abc.sig");
    expect(sessionCookieValue("kd.session=abc=def", "kd.session")).toBe("abc=def");
    expect(sessionCookieValue("a=1", "kd.session")).toBeNull();
    expect(sessionCookieValue(null, "kd.session")).toBeNull();
    expect(sessionCookieValue("kd.session=", "kd.session")).toBeNull();
    expect(sessionCookieValue("kd.session=one; kd.session=two", "kd.session")).toBeNull();
    expect(sessionCookieValue("xkd.session=abc", "kd.session")).toBeNull();
  });
});

describe.each(DATABASE_KINDS)("the session cache (%s)", (kind) => {
  it("answers a signed-in request without better-auth while nothing changed", async () => {
    const { cookie, sessionFor, lookups } = await setup(kind);
    const first = await sessionFor(headersWith(cookie));
    expect(roleOf(first)).toBe("reviewer");
    expect(lookups()).toBe(1);
    for (let i = 0; i < 5; i++) expect(roleOf(await sessionFor(headersWith(cookie)))).toBe("reviewer");
    expect(lookups()).toBe(1);
  });

  it("sees a role change, a ban and an ended session on the very next request, whoever made them", async () => {
    const { db, cookie, sessionFor } = await setup(kind);
    await sessionFor(headersWith(cookie));
    // Plain SQL, as another Keydesk instance or an operator would change the rows.
    await db.execute(sql`update "user" set "role" = 'support'`);
    expect(roleOf(await sessionFor(headersWith(cookie)))).toBe("support");
    await db.execute(sql`update "user" set "banned" = true`);
    expect((await sessionFor(headersWith(cookie)))?.user.banned).toBe(true);
    await db.execute(sql`delete from "session"`);
    expect(await sessionFor(headersWith(cookie))).toBeNull();
  });

  it("does not reuse an answer when the rows changed while better-auth was reading them", async () => {
    const { db, cookie, sessionFor, onLookup } = await setup(kind);
    onLookup(async () => {
      onLookup(null);
      await db.execute(sql`update "user" set "role" = 'admin'`);
    });
    expect(roleOf(await sessionFor(headersWith(cookie)))).toBe("reviewer");
    expect(roleOf(await sessionFor(headersWith(cookie)))).toBe("admin");
  });

  it("leaves a session due for its refresh, and an expired one, to better-auth", async () => {
    const { db, cookie, sessionFor, lookups } = await setup(kind);
    await sessionFor(headersWith(cookie));
    const before = await expiresAtOf(db);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 6 * 60_000 }); // past updateAge (5 min)
    expect(roleOf(await sessionFor(headersWith(cookie)))).toBe("reviewer");
    expect(lookups()).toBe(2);
    expect((await expiresAtOf(db)).getTime()).toBeGreaterThan(before.getTime()); // refreshed
    vi.setSystemTime(Date.now() + (IDLE_MINUTES + 1) * 60_000);
    expect(await sessionFor(headersWith(cookie))).toBeNull();
    expect(lookups()).toBe(3);
  });

  it("leaves a request with two session cookies, or none, to better-auth every time", async () => {
    const { cookie, sessionFor, lookups } = await setup(kind);
    const [name] = cookie.split("=");
    const twice = new Headers({ cookie: `${cookie}; ${name}=forged.value` });
    await sessionFor(twice);
    await sessionFor(twice);
    expect(lookups()).toBe(2);
    expect(await sessionFor(new Headers())).toBeNull();
    expect(lookups()).toBe(3);
  });

  it("never answers for a cookie better-auth did not accept", async () => {
    const { cookie, sessionFor } = await setup(kind);
    await sessionFor(headersWith(cookie));
    const [name, value] = cookie.split("=");
    const forged = `${name}=${value!.split(".")[0]}.forgedsignature`;
    expect(await sessionFor(headersWith(forged))).toBeNull();
    expect(await sessionFor(headersWith(forged))).toBeNull();
  });
});
