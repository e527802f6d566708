// A real Keydesk server (`next start` of this checkout's build, real mode against an emulator in
// this process): its metrics count what its route handlers did (one registry across Next's
// bundles), and SIGTERM drains: sent while a key change is in flight (the emulator holds the
// change's upstream call for a while), the change still answers 200, its audit completion row is
// on the log, the server logs the drain's start and end as JSON lines, and it exits 0.
// Needs a build: `npm test` makes one first; run alone, `npx next build` beforehand (without a build
// the test fails and says so, rather than passing unrun).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { freePort } from "@/tests/support/free-port";

const BUILT = existsSync(".next/BUILD_ID");

const ADMIN_KEY = "adm_drain_test_0123456789";
const ADMIN = { email: "drain-admin@keydesk.test", password: "Drain-test-Passw0rd!" };
const METRICS_TOKEN = "metrics-token-for-the-ops-test-0123456789";

async function until<T>(what: string, check: () => T | Promise<T>, ms = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("has a build to test (npm test builds first; alone, run `npx next build`)", () => {
  expect(BUILT, "no build in .next").toBe(true);
});

describe.runIf(BUILT)("a built Keydesk server", () => {
  let emulator: Emulator;
  let server: ChildProcess;
  let url: string;
  let output = "";
  const dataDir = mkdtempSync(join(tmpdir(), "keydesk-drain-"));
  const exited = () =>
    new Promise<number | null>((resolve) =>
      server.exitCode !== null ? resolve(server.exitCode) : server.once("exit", (code) => resolve(code)),
    );

  beforeAll(async () => {
    emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "demo", control: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // The Next.js CLI itself (not npx), so the signal reaches the server's own process.
    server = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          ELEVENLABS_API_KEY: ADMIN_KEY,
          ELEVENLABS_BASE_URL: emulator.url,
          KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "true",
          KEYDESK_AUTH_SECRET: "drain-test-auth-secret-0123456789abcdef",
          KEYDESK_ADMIN_EMAIL: ADMIN.email,
          KEYDESK_ADMIN_PASSWORD: ADMIN.password,
          KEYDESK_DATA_DIR: dataDir,
          KEYDESK_SHUTDOWN_GRACE_SECONDS: "60",
          KEYDESK_METRICS_TOKEN: METRICS_TOKEN,
          NEXT_TELEMETRY_DISABLED: "1",
        },
      },
    );
    server.stdout!.on("data", (chunk) => (output += String(chunk)));
    server.stderr!.on("data", (chunk) => (output += String(chunk)));
    await until("the server to answer", async () => {
      if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${output}`);
      return fetch(`${url}/sign-in`).then(
        (r) => r.status < 500,
        () => false,
      );
    });
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGKILL");
      await exited();
    }
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves metrics to the token holder, by route pattern, counted across Next's bundles", async () => {
    const bad = await fetch(`${url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: url, "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN.email, password: "wrong-password-here" }),
    });
    expect(bad.status).toBe(401);
    // No origin: refused before any session lookup.
    expect((await fetch(`${url}/api/users/u_private_1`, { method: "PATCH" })).status).toBe(403);
    expect((await fetch(`${url}/api/invites/accept`, { method: "POST" })).status).toBe(403);
    expect((await fetch(`${url}/api/metrics`)).status).toBe(401);
    const res = await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(
      'keydesk_http_requests_total{method="POST",route="/api/auth/[...all]",status="401"} 1',
    );
    expect(text).toContain(
      'keydesk_http_requests_total{method="PATCH",route="/api/users/[userId]",status="403"} 1',
    );
    expect(text).toContain(
      'keydesk_http_requests_total{method="POST",route="/api/invites/accept",status="403"} 1',
    );
    expect(text).toContain('keydesk_sign_in_failures_total{method="password",reason="http_401"} 1');
    expect(text).toContain("keydesk_audit_append_duration_seconds_count");
    expect(text).not.toContain("u_private_1");
  });

  it(
    "lets the request in flight finish and write its audit rows, then exits 0",
    { timeout: 120_000 },
    async () => {
      const origin = { origin: url, "content-type": "application/json" };
      const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: origin,
        body: JSON.stringify(ADMIN),
      });
      expect(signIn.status, await signIn.clone().text()).toBe(200);
      const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
      const list = (await (await fetch(`${url}/api/service-accounts`, { headers: { cookie } })).json()) as {
        serviceAccounts: { id: string; keys: { id: string; name: string }[] }[];
      };
      const account = list.serviceAccounts.find((a) => a.keys.length > 0)!;
      const key = account.keys[0]!;

      // The change's call upstream is held for 3 seconds: SIGTERM arrives while it waits.
      emulator.faults.add({
        method: "PATCH",
        path: `/v1/service-accounts/${account.id}/api-keys/${key.id}`,
        remaining: 1,
        fault: { kind: "latency", ms: 3000 },
      });
      const change = fetch(`${url}/api/service-accounts/${account.id}/keys/${key.id}`, {
        method: "PATCH",
        headers: { ...origin, cookie },
        body: JSON.stringify({ name: `${key.name} (renamed)`, expected: { name: key.name } }),
      });
      await until("the change to reach the upstream", () => emulator.faults.list().length === 0);
      server.kill("SIGTERM");
      await until("the drain to start", () => output.includes('"drain_start"'));

      // Nothing new is taken meanwhile: refused at the socket, or a 503.
      const late = await fetch(`${url}/api/service-accounts`, { headers: { cookie } }).then(
        (r) => r.status,
        () => "refused",
      );
      expect([503, "refused"]).toContain(late);

      const res = await change;
      expect(res.status, await res.clone().text()).toBe(200);
      const requestId = res.headers.get("x-request-id")!;
      expect(await exited()).toBe(0);

      const lines = output
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      // In order, and both there although the process exits right after the second.
      expect(lines.map((l) => l.event).filter(Boolean)).toEqual(["drain_start", "drain_end"]);
      expect(lines.find((l) => l.event === "drain_start")).toMatchObject({ signal: "SIGTERM", inFlight: 1 });
      expect(lines.find((l) => l.event === "drain_end")).toMatchObject({ finished: 1, abandoned: 0 });

      const database = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
      try {
        const completions = await database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.requestId, requestId), isNotNull(auditLog.completes)));
        expect(completions).toHaveLength(1);
        expect(completions[0]!.outcome).toBe("ok");
      } finally {
        await database.close();
      }
    },
  );
});
