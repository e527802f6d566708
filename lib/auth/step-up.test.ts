// The session side of step-up: the stamp a re-verification leaves, read back as "recent", and the
// session list that never carries a token.
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { session, user } from "@/lib/db/schema";
import { openTestDatabase } from "@/tests/support/databases";
import { listSessions } from "./sessions";
import { markReauthenticated, sessionFreshness } from "./step-up";
import { isRecent, lastVerification } from "./step-up-window";

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

describe("step-up stamps on the session", () => {
  it("an old session is not recent until re-verified, then is (and says it was stepped up)", async () => {
    const database = await openTestDatabase("pglite");
    opened.push(database);
    const { db } = database;
    await db.insert(user).values({ id: "u1", name: "A", email: "a@example.com", role: "admin" });
    const signedIn = new Date(Date.now() - 3_600_000);
    await db.insert(session).values([
      {
        id: "s1",
        token: "tok-secret-1",
        userId: "u1",
        expiresAt: new Date(Date.now() + 3_600_000),
        createdAt: signedIn,
        updatedAt: signedIn,
        userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36",
        ipAddress: "203.0.113.9",
      },
      {
        id: "s2",
        token: "tok-secret-2",
        userId: "u1",
        expiresAt: new Date(Date.now() - 1000),
        createdAt: signedIn,
        updatedAt: signedIn,
      },
    ]);

    const before = await sessionFreshness(db, "s1");
    expect(before).not.toBeNull();
    expect(isRecent(before!, 300)).toBe(false);

    await markReauthenticated(db, "s1");
    const after = await sessionFreshness(db, "s1");
    expect(isRecent(after!, 300)).toBe(true);
    expect(lastVerification(after!).steppedUp).toBe(true);
    expect(await sessionFreshness(db, "nope")).toBeNull();

    const listed = await listSessions(db, "u1", "s1");
    expect(listed).toHaveLength(1); // the expired one is not listed
    expect(listed[0]).toMatchObject({
      id: "s1",
      device: "Chrome on Linux",
      ip: "203.0.113.9",
      current: true,
    });
    expect(JSON.stringify(listed)).not.toContain("tok-secret");
  }, 60_000);
});
