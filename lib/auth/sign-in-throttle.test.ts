import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { testDatabases } from "@/tests/support/audit-log";
import {
  createPostgresDatabase,
  DATABASE_KINDS,
  postgresUrl,
  POSTGRES_MISSING,
} from "@/tests/support/databases";
import {
  clearSignInAttempts,
  MAX_FAILURES,
  releaseSignInAttempt,
  reserveSignInAttempt,
  WINDOW_SECONDS,
  forgetExpiredSignInAttempts,
} from "./sign-in-throttle";

const open = testDatabases();
const T0 = Date.parse("2030-01-01T00:00:00.000Z");

describe.each(DATABASE_KINDS)("%s", (kind) => {
  it("lets exactly MAX_FAILURES of 1,000 concurrent attempts through, whatever their interleaving", async () => {
    const { db } = await open(kind);
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => reserveSignInAttempt(db, "target@example.com", WINDOW_SECONDS, T0)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(MAX_FAILURES);
    const refused = results.find((r) => !r.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: WINDOW_SECONDS });
  }, 60_000);

  it("pauses until the window that began with the first attempt has passed, then starts afresh", async () => {
    const { db } = await open(kind);
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await reserveSignInAttempt(db, "a@example.com", 60, T0 + i * 1000)).allowed).toBe(true);
    expect(await reserveSignInAttempt(db, "a@example.com", 60, T0 + 10_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
    });
    // Another account is not affected.
    expect((await reserveSignInAttempt(db, "b@example.com", 60, T0 + 10_000)).allowed).toBe(true);
    expect((await reserveSignInAttempt(db, "a@example.com", 60, T0 + 60_000)).allowed).toBe(true);
    for (let i = 1; i < MAX_FAILURES; i++)
      expect((await reserveSignInAttempt(db, "a@example.com", 60, T0 + 61_000)).allowed).toBe(true);
    expect((await reserveSignInAttempt(db, "a@example.com", 60, T0 + 61_000)).allowed).toBe(false);
  });

  it("a success clears the count; an attempt that never reached the password check gives its slot back", async () => {
    const { db } = await open(kind);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await reserveSignInAttempt(db, "c@example.com", 60, T0);
    const last = await reserveSignInAttempt(db, "c@example.com", 60, T0);
    expect(last.allowed).toBe(true);
    if (last.allowed) await releaseSignInAttempt(db, last);
    expect((await reserveSignInAttempt(db, "c@example.com", 60, T0)).allowed).toBe(true);
    expect((await reserveSignInAttempt(db, "c@example.com", 60, T0)).allowed).toBe(false);
    await clearSignInAttempts(db, "c@example.com");
    expect((await reserveSignInAttempt(db, "c@example.com", 60, T0)).allowed).toBe(true);
  });

  it("forgets rows whose window has passed", async () => {
    const { db } = await open(kind);
    for (let i = 0; i < MAX_FAILURES + 1; i++) await reserveSignInAttempt(db, "d@example.com", 60, T0);
    await forgetExpiredSignInAttempts(db, 60, T0 + 30_000);
    expect((await reserveSignInAttempt(db, "d@example.com", 60, T0 + 30_000)).allowed).toBe(false);
    await forgetExpiredSignInAttempts(db, 60, T0 + 61_000);
    expect((await reserveSignInAttempt(db, "d@example.com", 60, T0 + 30_000)).allowed).toBe(true);
  });
});

if (!postgresUrl) console.warn(POSTGRES_MISSING);

describe.skipIf(!postgresUrl)("two instances on one PostgreSQL", () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
  });

  it("share one count: 1,000 concurrent attempts split over both let MAX_FAILURES through", async () => {
    const url = await createPostgresDatabase();
    const a = await openDatabase({ kind: "postgres", url });
    opened.push(a);
    const b = await openDatabase({ kind: "postgres", url });
    opened.push(b);
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        reserveSignInAttempt((i % 2 ? a : b).db, "shared@example.com", WINDOW_SECONDS, T0),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(MAX_FAILURES);
  });
});
