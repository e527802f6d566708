// The list reads go through the official SDK's own request (its headers and option defaults) without
// loading the SDK's whole API surface; the first write loads it (lib/elevenlabs/sdk-request.ts).
// Vitest runs each test file in a fresh process, so nothing else here has loaded the SDK before.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { createUpstream } from "./client";

const ADMIN_KEY = "adm_sdk_load_tests_0123456789";
const nodeRequire = createRequire(import.meta.url);
/** The SDK's client module (every resource client and schema behind it) is in Node's module cache. */
const wholeSdkLoaded = () =>
  Object.keys(nodeRequire.cache).some((path) => /@elevenlabs[\\/]elevenlabs-js[\\/]Client\.js$/.test(path));

let seen: IncomingHttpHeaders[] = [];
let listServer: Server;
let emulator: Emulator;
beforeAll(async () => {
  listServer = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ "service-accounts": [] }));
  });
  await new Promise<void>((resolve) => listServer.listen(0, "127.0.0.1", resolve));
  emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "empty", control: true });
});
afterAll(async () => {
  listServer.close();
  await emulator.close();
});

describe("the SDK's weight", () => {
  it("a list read sends the SDK's own headers without loading its API surface", async () => {
    const { port } = listServer.address() as AddressInfo;
    seen = [];
    const upstream = createUpstream({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: ADMIN_KEY,
      timeoutMs: 2_000,
    });
    await expect(upstream.listServiceAccounts()).resolves.toEqual([]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      "xi-api-key": ADMIN_KEY,
      "x-fern-sdk-name": "@elevenlabs/elevenlabs-js",
      "x-fern-language": "JavaScript",
      "user-agent": expect.stringMatching(/^@elevenlabs\/elevenlabs-js\/\d/),
    });
    expect(wholeSdkLoaded()).toBe(false);
  });

  it("the first write loads the whole SDK and goes through it", async () => {
    const upstream = createUpstream({ baseUrl: emulator.url, apiKey: ADMIN_KEY, timeoutMs: 5_000 });
    expect(wholeSdkLoaded()).toBe(false);
    const { id } = await upstream.createServiceAccount("SDK load");
    expect(wholeSdkLoaded()).toBe(true);
    expect((await upstream.listServiceAccounts()).map((a) => a.id)).toContain(id);
  });
});
