// A database error reaches the server log as its SQLSTATE, a label for the statement and the
// request id, never with the statement's parameters. Provoked through the real POST /api/users
// handler (demo mode, PGlite in a temporary folder, a real signed-in admin): the audit row for the
// new user is refused by a CHECK constraint added for this test, so the failing INSERT carries the
// new user's email and name and the caller's IP in its parameters.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";

const ORIGIN = "http://localhost:3000";
const EMAIL = "zelda.quartermain@leaky.example";
const NAME = "Zelda Quartermain-Leaky";
const IP = "198.51.100.203";

const dataDir = mkdtempSync(join(tmpdir(), "keydesk-log-test-"));
const saved = { dataDir: process.env.KEYDESK_DATA_DIR, apiKey: process.env.ELEVENLABS_API_KEY };

beforeAll(() => {
  process.env.KEYDESK_DATA_DIR = dataDir;
  delete process.env.ELEVENLABS_API_KEY;
});

afterAll(async () => {
  const { getDatabase } = await import("@/lib/db");
  await (await getDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  if (saved.dataDir === undefined) delete process.env.KEYDESK_DATA_DIR;
  else process.env.KEYDESK_DATA_DIR = saved.dataDir;
  if (saved.apiKey !== undefined) process.env.ELEVENLABS_API_KEY = saved.apiKey;
});

describe("a database error in a route handler", () => {
  // Generous: a fresh demo database (migrations, three demo users' password hashes) and a sign-in
  // take a while on a busy machine. A limit on waiting, not an assertion about speed.
  it(
    "is logged with its code, the statement's label and the request id, and none of the values",
    { timeout: 120_000 },
    async () => {
      const { authRoute } = await import("@/lib/api/auth-route");
      const { POST } = await import("@/app/api/users/route");
      const { getDatabase } = await import("@/lib/db");

      const signIn = await authRoute.POST(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000" },
          body: JSON.stringify({ email: "admin@demo.keydesk", password: "keydesk-demo" }),
        }),
      );
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;

      // NOT VALID: the rows already there (the demo's own history) are left alone.
      const { db } = await getDatabase();
      await db.execute(
        sql.raw(
          `alter table audit_log add constraint test_refuses_user_created check (action <> 'user_created') not valid`,
        ),
      );

      const logged: string[] = [];
      const capture = (...args: unknown[]) =>
        void logged.push(
          args
            .map((a) =>
              typeof a === "string"
                ? a
                : a instanceof Error
                  ? `${a.message} ${a.stack} ${JSON.stringify(a)}`
                  : JSON.stringify(a),
            )
            .join(" "),
        );
      const spies = [
        vi.spyOn(console, "error").mockImplementation(capture),
        vi.spyOn(console, "warn").mockImplementation(capture),
        vi.spyOn(console, "log").mockImplementation(capture),
        vi.spyOn(logger, "error").mockImplementation(capture),
        vi.spyOn(logger, "warn").mockImplementation(capture),
        vi.spyOn(logger, "info").mockImplementation(capture),
      ];
      let res: Response;
      try {
        res = await POST(
          new Request(`${ORIGIN}/api/users`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              origin: ORIGIN,
              host: "localhost:3000",
              cookie,
              "x-forwarded-for": IP,
            },
            body: JSON.stringify({ email: EMAIL, name: NAME, role: "support" }),
          }),
        );
      } finally {
        for (const spy of spies) spy.mockRestore();
      }

      expect(res.status).toBe(500);
      const { error } = (await res.json()) as { error: { code: string; requestId: string } };
      expect(error.code).toBe("internal");
      const text = logged.join("\n");
      expect(text).toContain(error.requestId);
      expect(text).toContain("SQLSTATE 23514");
      expect(text).toContain("query: insert audit_log");
      expect(text).toContain("constraint: test_refuses_user_created");
      for (const value of [EMAIL, "zelda", "Quartermain", IP, "Quiet-Harbour"])
        expect(text.toLowerCase()).not.toContain(value.toLowerCase());
    },
  );
});
