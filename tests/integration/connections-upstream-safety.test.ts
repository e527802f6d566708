// A connection's base URL that points where Keydesk must not send a credential (cloud metadata,
// this machine, a private network, plain http) is refused by the real route handler with a 422 on
// `baseUrl` saying why: nothing stored, nothing sent upstream, the attempt on the audit log. Demo
// mode (which allows loopback by itself) with KEYDESK_ALLOW_PRIVATE_UPSTREAMS=false, so the
// DocSpace emulator on 127.0.0.1 stands for an internal service; PGlite in a temporary folder, real
// sign-ins.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as docspaceTesting from "@/lib/emulator/docspace/testing";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";

const ORIGIN = "http://localhost:3000";
const dataDir = mkdtempSync(join(tmpdir(), "keydesk-upstream-safety-"));
const saved = {
  dataDir: process.env.KEYDESK_DATA_DIR,
  apiKey: process.env.ELEVENLABS_API_KEY,
  allow: process.env.KEYDESK_ALLOW_PRIVATE_UPSTREAMS,
};
const CREDENTIAL = docspaceTesting.ADMIN_TOKEN;

let docspace: DocspaceEmulator;
beforeAll(async () => {
  process.env.KEYDESK_DATA_DIR = dataDir;
  process.env.KEYDESK_ALLOW_PRIVATE_UPSTREAMS = "false";
  delete process.env.ELEVENLABS_API_KEY;
  docspace = await docspaceTesting.start();
});

afterAll(async () => {
  await docspace.close();
  const { getDatabase } = await import("@/lib/db");
  await (await getDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
  for (const [name, value] of [
    ["KEYDESK_DATA_DIR", saved.dataDir],
    ["ELEVENLABS_API_KEY", saved.apiKey],
    ["KEYDESK_ALLOW_PRIVATE_UPSTREAMS", saved.allow],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function signIn(email: string): Promise<string> {
  const { authRoute } = await import("@/lib/api/auth-route");
  const res = await authRoute.POST(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000" },
      body: JSON.stringify({ email, password: "keydesk-demo" }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const request = (cookie: string, method: string, path: string, body?: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method,
    headers: { cookie, origin: ORIGIN, host: "localhost:3000", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

type ErrorBody = { error: { code: string; message: string; fields?: { path: string[]; message: string }[] } };

describe("adding a connection whose base URL points inside", () => {
  it(
    "is a 422 on baseUrl naming the reason, with nothing stored and nothing sent upstream",
    { timeout: 180_000 },
    async () => {
      const route = await import("@/app/api/connections/route");
      const admin = await signIn("admin@demo.keydesk");
      const add = (name: string, baseUrl: string) =>
        route.POST(
          request(admin, "POST", "/api/connections", {
            name,
            provider: "docspace",
            baseUrl,
            credential: CREDENTIAL,
          }),
        );
      const listed = async () =>
        (
          (await (await route.GET(request(admin, "GET", "/api/connections"))).json()) as {
            connections: { name: string; baseUrl: string }[];
          }
        ).connections;
      const before = await listed();
      const port = new URL(docspace.url).port;
      docspace.log.clear();

      const cases: [baseUrl: string, reason: RegExp][] = [
        // Refused by the URL alone, in the browser's form too (the shared schema).
        ["http://169.254.169.254/latest", /link-local/],
        ["https://[::ffff:a9fe:a9fe]", /link-local/],
        ["https://100.100.100.200", /cloud metadata/],
        ["http://0x7f.1:" + port, /loopback.*KEYDESK_ALLOW_PRIVATE_UPSTREAMS/],
        // Refused on the server: loopback and private networks are not allowed here.
        [docspace.url, /loopback.*KEYDESK_ALLOW_PRIVATE_UPSTREAMS/],
        [`http://2130706433:${port}`, /loopback/],
        [`http://[::ffff:127.0.0.1]:${port}`, /loopback/],
        ["https://10.0.0.8", /private network/],
        // A name is judged by what it resolves to now.
        [`http://localhost:${port}`, /loopback/],
        // Plain http to the internet: the credential would travel in clear text.
        ["http://8.8.8.8", /https:\/\//],
      ];
      for (const [baseUrl, reason] of cases) {
        const res = await add(`Inside ${baseUrl}`, baseUrl);
        const text = await res.text();
        expect(res.status, baseUrl).toBe(422);
        const body = JSON.parse(text) as ErrorBody;
        expect(body.error.code).toBe("validation_failed");
        expect(body.error.fields?.[0]?.path, baseUrl).toEqual(["baseUrl"]);
        expect(body.error.fields?.[0]?.message, baseUrl).toMatch(reason);
        expect(text).not.toContain(CREDENTIAL);
      }
      expect(docspace.log.list()).toEqual([]);
      expect(await listed()).toEqual(before);

      const { getDatabase } = await import("@/lib/db");
      const { auditLog } = await import("@/lib/db/schema");
      const { db } = await getDatabase();
      const rows = await db.select().from(auditLog);
      const refused = rows.filter((r) => r.errorCode === "credential_base_url_refused");
      // The server-side refusals are on the log (the URL-only ones are refused before the handler).
      expect(refused.map((r) => r.action)).toEqual(Array(7).fill("connection_created"));
      expect(JSON.stringify(rows)).not.toContain(CREDENTIAL);
    },
  );
});
