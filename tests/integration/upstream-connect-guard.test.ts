// Refusing at connect time, over real sockets to the emulators: a name that resolves to loopback is
// refused by the lookup under the upstream sockets (the DocSpace and Voiceable client and the
// ElevenLabs SDK alike) when loopback is not allowed, a name that resolved to an allowed address
// when saved and to 127.0.0.1 later (DNS rebinding) is refused then, an address in the URL is
// refused before any socket, and a redirect is never followed, even to an allowed host. Nothing
// reaches the emulators in any of these, and each refusal is shown to go through once allowed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUpstream } from "@/lib/elevenlabs/client";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";
import * as docspaceTesting from "@/lib/emulator/docspace/testing";
import type { UpstreamPolicy } from "@/lib/http/upstream-address";
import { createGuardedFetch, guardedFetch } from "@/lib/http/upstream-address-fetch";
import { addressRefusedIn, upstreamUrlProblem, type SystemLookup } from "@/lib/http/upstream-address-guard";
import { getProvider } from "@/lib/providers";

// Real mode's default, whatever this shell has (read once by lib/env, before anything here reads it).
process.env.KEYDESK_ALLOW_PRIVATE_UPSTREAMS = "false";

const ELEVEN_KEY = "integration-eleven-admin-key-guard-7Qx2";
const NO_RETRIES = { retries: 0, baseDelayMs: 0, maxRetryAfterMs: 0 };
let docspace: DocspaceEmulator;
let eleven: Emulator;
let redirector: Server;
let redirectorUrl: string;

beforeAll(async () => {
  docspace = await docspaceTesting.start();
  eleven = await startEmulator({ adminKeys: [ELEVEN_KEY], seed: "demo", control: true });
  // Answers everything with a redirect to the DocSpace emulator (another port: another host).
  redirector = createServer((req, res) => {
    res.writeHead(302, { location: `${docspace.url}${req.url}` }).end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
  redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => redirector.close(resolve));
  await Promise.all([docspace.close(), eleven.close()]);
});

const portOf = (url: string) => new URL(url).port;
const reasonOf = (error: unknown) => addressRefusedIn(error)?.message ?? String(error);

describe("at connect time", () => {
  it("refuses a name that resolves to loopback, for DocSpace's client and the ElevenLabs SDK, sending nothing", async () => {
    docspace.log.clear();
    const checked = await getProvider("docspace").checkCredential({
      baseUrl: `http://localhost:${portOf(docspace.url)}`,
      credential: docspaceTesting.ADMIN_TOKEN,
      timeoutMs: 5_000,
    });
    expect(checked).toMatchObject({ ok: false, reason: "base_url_refused" });
    expect(checked.ok ? "" : checked.message).toMatch(
      /^The connection's base URL was refused\. Must not point at localhost \((127\.0\.0\.1|::1)\): it is a loopback address/,
    );
    expect(docspace.log.list()).toEqual([]);

    const before = eleven.log.list().length;
    const upstream = createUpstream({
      baseUrl: `http://localhost:${portOf(eleven.url)}`,
      apiKey: ELEVEN_KEY,
      timeoutMs: 5_000,
      retryPolicy: NO_RETRIES,
    });
    const error = await upstream.listServiceAccounts().catch((e: unknown) => e);
    expect(UpstreamError.is(error)).toBe(true);
    expect((error as UpstreamError).message).toMatch(/refused\. Must not point at localhost .*loopback/);
    expect(eleven.log.list()).toHaveLength(before);
  });

  it("refuses a name that resolved to an allowed address when saved and resolves to loopback now", async () => {
    const privateOnly: UpstreamPolicy = { loopback: false, private: true };
    let answer = "10.20.30.40";
    const lookup: SystemLookup = (hostname, _options, callback) =>
      hostname === "portal.rebind.test"
        ? callback(null, [{ address: answer, family: 4 }])
        : callback(Object.assign(new Error("not found"), { code: "ENOTFOUND" }), []);
    const baseUrl = `http://portal.rebind.test:${portOf(docspace.url)}`;
    // When saved: a private address, allowed here.
    expect(
      await upstreamUrlProblem(baseUrl, privateOnly, async () => [{ address: answer, family: 4 }]),
    ).toBeNull();

    answer = "127.0.0.1";
    docspace.log.clear();
    const strictFetch = createGuardedFetch({ policy: () => privateOnly, lookup });
    const refused = await strictFetch(`${baseUrl}/api/2.0/keys`, {
      headers: { authorization: `Bearer ${docspaceTesting.ADMIN_TOKEN}` },
    }).catch((e: unknown) => e);
    expect(reasonOf(refused)).toMatch(/portal\.rebind\.test \(127\.0\.0\.1\): it is a loopback address/);
    expect(docspace.log.list()).toEqual([]);

    // Able to fail: where loopback is allowed, the same call reaches the emulator.
    const allowingFetch = createGuardedFetch({ policy: () => ({ loopback: true, private: true }), lookup });
    const res = await allowingFetch(`${baseUrl}/api/2.0/keys`, {
      headers: { authorization: `Bearer ${docspaceTesting.ADMIN_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(docspace.log.list()).toHaveLength(1);
  });

  it("refuses an address written in the URL before opening a socket, however it is spelled", async () => {
    docspace.log.clear();
    const port = portOf(docspace.url);
    for (const url of [
      docspace.url,
      `http://2130706433:${port}`,
      `http://0x7f.1:${port}`,
      `http://[::ffff:7f00:1]:${port}`,
    ]) {
      const error = await guardedFetch(`${url}/api/2.0/keys`).catch((e: unknown) => e);
      expect(reasonOf(error), url).toMatch(/loopback address.*KEYDESK_ALLOW_PRIVATE_UPSTREAMS/);
    }
    expect(docspace.log.list()).toEqual([]);
  });

  it("never follows a redirect, even one the caller asks to follow, even to an allowed host", async () => {
    docspace.log.clear();
    const allowing = createGuardedFetch({ policy: () => ({ loopback: true, private: true }) });
    const error = await allowing(`${redirectorUrl}/api/2.0/keys`, {
      headers: { authorization: `Bearer ${docspaceTesting.ADMIN_TOKEN}` },
      redirect: "follow",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(docspace.log.list()).toEqual([]);
    // Able to fail: the emulator is reachable from here, and plain fetch would have followed.
    await fetch(`${redirectorUrl}/api/2.0/keys`);
    expect(docspace.log.list()).toHaveLength(1);
  });
});
