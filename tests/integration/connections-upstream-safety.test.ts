// A connection's base URL that points where Keydesk must not send a credential (cloud metadata,
// this machine, a private network, plain http) is refused by the real route handler with a 422 on
// `baseUrl` saying why: nothing stored, nothing sent upstream, the attempt on the audit log. Demo
// mode (which allows loopback by itself) with KEYDESK_ALLOW_PRIVATE_UPSTREAMS=false, so the
// DocSpace emulator on 127.0.0.1 stands for an internal service; PGlite in a temporary folder, real
// sign-ins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as docspaceTesting from "@/lib/emulator/docspace/testing";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";

import { demoHandlers, handlerRequest, signInDemo } from "@/tests/support/demo-handlers";

const CREDENTIAL = docspaceTesting.ADMIN_TOKEN;

let docspace: DocspaceEmulator;
demoHandlers("keydesk-upstream-safety-", { KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "false" });
beforeAll(async () => {
  docspace = await docspaceTesting.start();
});
afterAll(async () => {
  await docspace.close();
});

type ErrorBody = { error: { code: string; message: string; fields?: { path: string[]; message: string }[] } };

describe("adding a connection whose base URL points inside", () => {
  it(
    "is a 422 on baseUrl naming the reason, with nothing stored and nothing sent upstream",
    { timeout: 180_000 },
    async () => {
      const route = await import("@/app/api/connections/route");
      const admin = await signInDemo("admin@demo.keydesk");
      const add = (name: string, baseUrl: string) =>
        route.POST(
          handlerRequest(admin, "POST", "/api/connections", {
            name,
            provider: "docspace",
            baseUrl,
            credential: CREDENTIAL,
          }),
        );
      const listed = async () =>
        (
          (await (await route.GET(handlerRequest(admin, "GET", "/api/connections"))).json()) as {
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
