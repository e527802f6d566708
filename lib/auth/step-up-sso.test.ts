// Step-up through single sign-on, the server side: a return to the step-up page by the same person
// stamps the new session as re-verified (so the action's audit row says steppedUp), ends the one it
// replaced, and audits the re-verification; any other return is only a sign-in.
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { RequestInfo } from "@/lib/http/request-info";
import type { Database } from "@/lib/db/database";
import { account, auditLog, session, user } from "@/lib/db/schema";
import { openTestDatabase } from "@/tests/support/databases";
import { sessionFreshness } from "./step-up";
import { hasPasswordCredential } from "./step-up-methods";
import { finishSsoStepUp, returnsToStepUp, STEP_UP_SSO_DONE_PATH } from "./step-up-sso";
import { isRecent, lastVerification } from "./step-up-window";

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

const info: RequestInfo = { requestId: "req-1", ip: "203.0.113.9", userAgent: "test" };
const back = (location: string) => new Response(null, { status: 302, headers: { location } });

async function twoSessions() {
  const database = await openTestDatabase("pglite");
  opened.push(database);
  const { db } = database;
  await db.insert(user).values([
    { id: "u1", name: "Ada", email: "ada@example.com", role: "admin" },
    { id: "u2", name: "Bo", email: "bo@example.com", role: "admin" },
  ]);
  const old = new Date(Date.now() - 3_600_000);
  const expiresAt = new Date(Date.now() + 3_600_000);
  await db.insert(session).values([
    { id: "old", token: "tok-old", userId: "u1", expiresAt, createdAt: old, updatedAt: old },
    { id: "new", token: "tok-new", userId: "u1", expiresAt, createdAt: new Date(), updatedAt: new Date() },
  ]);
  return db;
}

describe("step-up through single sign-on", () => {
  it("knows the step-up page from the console and from an error", () => {
    expect(returnsToStepUp(back(STEP_UP_SSO_DONE_PATH))).toBe(true);
    expect(returnsToStepUp(back(`http://k.example${STEP_UP_SSO_DONE_PATH}`))).toBe(true);
    expect(returnsToStepUp(back(`${STEP_UP_SSO_DONE_PATH}?error=access_denied`))).toBe(false);
    expect(returnsToStepUp(back("/"))).toBe(false);
    expect(returnsToStepUp(new Response("{}"))).toBe(false);
  });

  it("the same person back on the step-up page: the new session is stepped up, the old one ends, it is audited", async () => {
    const db = await twoSessions();
    const previous = {
      id: "u1",
      email: "ada@example.com",
      name: "Ada",
      role: "admin" as const,
      sessionId: "old",
    };
    await finishSsoStepUp(db, info, previous, "u1", back(STEP_UP_SSO_DONE_PATH));
    const fresh = await sessionFreshness(db, "new");
    expect(isRecent(fresh!, 300)).toBe(true);
    expect(lastVerification(fresh!).steppedUp).toBe(true);
    expect(await sessionFreshness(db, "old")).toBeNull();
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "reauthenticated"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "ok", details: { method: "sso" } });
    expect(JSON.stringify(rows)).not.toContain("tok-");
  }, 60_000);

  it("a plain sign-in, or someone else signing in at the provider, changes nothing", async () => {
    const db = await twoSessions();
    const previous = {
      id: "u1",
      email: "ada@example.com",
      name: "Ada",
      role: "admin" as const,
      sessionId: "old",
    };
    await finishSsoStepUp(db, info, previous, "u1", back("/"));
    await finishSsoStepUp(db, info, previous, "u2", back(STEP_UP_SSO_DONE_PATH));
    await finishSsoStepUp(db, info, null, "u1", back(STEP_UP_SSO_DONE_PATH));
    expect(lastVerification((await sessionFreshness(db, "new"))!).steppedUp).toBe(false);
    expect(await sessionFreshness(db, "old")).not.toBeNull();
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "reauthenticated"))).toHaveLength(0);
  }, 60_000);

  it("tells a person with a password from one without", async () => {
    const db = await twoSessions();
    await db.insert(account).values([
      { id: "a1", accountId: "u1", providerId: "credential", userId: "u1", password: "hash" },
      { id: "a2", accountId: "sub-2", providerId: "oidc", userId: "u2" },
    ]);
    expect(await hasPasswordCredential(db, "u1")).toBe(true);
    expect(await hasPasswordCredential(db, "u2")).toBe(false);
  }, 60_000);
});
