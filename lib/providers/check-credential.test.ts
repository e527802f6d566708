// checkCredential for each provider against its real emulator over HTTP: a good credential, a wrong
// one (401), a port where nothing listens and an upstream that never answers. It never throws and
// never echoes the credential.
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { startDocspaceEmulator, type DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { getProvider, PROVIDER_IDS, type CredentialCheck, type ProviderId } from "./index";

const CREDENTIAL = "check_credential_admin_0123456789abcdef";
const WRONG = "wrong_credential_abcdef0123456789";

type Started = Emulator | DocspaceEmulator | VoiceableEmulator;
const started: Partial<Record<ProviderId, { emulator: Started; baseUrl: string; path: string }>> = {};

beforeAll(async () => {
  const eleven = await startEmulator({ adminKeys: [CREDENTIAL], seed: "demo", control: true });
  const docspace = await startDocspaceEmulator({ adminKeys: [CREDENTIAL], seed: "demo", control: true });
  const voiceable = await startVoiceableEmulator({ adminKeys: [CREDENTIAL], seed: "demo", control: true });
  started.elevenlabs = { emulator: eleven, baseUrl: eleven.url, path: "/v1/service-accounts" };
  started.docspace = { emulator: docspace, baseUrl: docspace.url, path: "/api/2.0/keys" };
  started.voiceable = { emulator: voiceable, baseUrl: `${voiceable.url}/api/v1`, path: "/api/v1/api_keys" };
});
afterAll(() => Promise.all(Object.values(started).map((s) => s.emulator.close())));

/** A server that sends every request on to `target` with a redirect. */
async function redirecting(target: string): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((req, res) => {
    res.writeHead(307, { location: `${target}${req.url ?? "/"}` });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

/** A port that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function expectNoCredential(result: CredentialCheck) {
  const text = JSON.stringify(result);
  expect(text).not.toContain(CREDENTIAL);
  expect(text).not.toContain(WRONG);
}

const SUMMARIES: Record<ProviderId, RegExp> = {
  elevenlabs: /^\d+ service accounts?, \d+ keys?$/,
  docspace: /^12 keys$/,
  voiceable: /^8 keys$/,
};

describe("a credential that is valid but may not manage keys", () => {
  it("is forbidden on DocSpace (an API key scoped to files) and Voiceable (a public key)", async () => {
    const docspace = started.docspace!;
    const scoped = await fetch(`${docspace.baseUrl}/api/2.0/keys`, {
      method: "POST",
      headers: { authorization: `Bearer ${CREDENTIAL}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "files only", permissions: ["files:read"] }),
    }).then((r) => r.json() as Promise<{ response: { key: string } }>);
    const voiceable = started.voiceable!;
    const publicKey = await fetch(`${voiceable.baseUrl}/api_keys`, {
      method: "POST",
      headers: { "x-api-key": CREDENTIAL, "content-type": "application/json" },
      body: JSON.stringify({ api_key: { name: "widget", key_type: "public" } }),
    }).then((r) => r.json() as Promise<{ data: { key_value: string } }>);
    for (const [id, baseUrl, credential] of [
      ["docspace", docspace.baseUrl, scoped.response.key],
      ["voiceable", voiceable.baseUrl, publicKey.data.key_value],
    ] as const) {
      const result = await getProvider(id).checkCredential({ baseUrl, credential });
      expect(result, id).toEqual({
        ok: false,
        reason: "forbidden",
        message: expect.stringContaining("403"),
        requestId: expect.any(String),
      });
      expect(JSON.stringify(result)).not.toContain(credential);
    }
    // Back to the seeded counts the other tests expect.
    docspace.emulator.reset("demo");
    voiceable.emulator.reset("demo");
  });
});

describe.each(PROVIDER_IDS)("%s checkCredential", (id) => {
  const provider = () => getProvider(id);
  const target = () => started[id]!;

  it("reads once with a good credential and sums up what it saw", async () => {
    const { emulator, baseUrl, path } = target();
    emulator.log.clear();
    const result = await provider().checkCredential({ baseUrl, credential: CREDENTIAL });
    expect(result).toEqual({ ok: true, summary: expect.stringMatching(SUMMARIES[id]) });
    expect(emulator.log.list().map((r) => [r.method, r.path, r.status])).toEqual([["GET", path, 200]]);
  });

  it("says unauthorized, with the upstream's request id, for a wrong credential", async () => {
    const { emulator, baseUrl } = target();
    emulator.log.clear();
    const result = await provider().checkCredential({ baseUrl, credential: WRONG });
    const logged = emulator.log.list();
    expect(logged).toHaveLength(1);
    expect(result).toEqual({
      ok: false,
      reason: "unauthorized",
      message: expect.stringContaining("401"),
      requestId: logged[0]!.requestId,
    });
    expectNoCredential(result);
  });

  it("says unreachable when nothing listens at the base URL", async () => {
    const port = await closedPort();
    const suffix = id === "voiceable" ? "/api/v1" : "";
    const result = await provider().checkCredential({
      baseUrl: `http://127.0.0.1:${port}${suffix}`,
      credential: CREDENTIAL,
    });
    expect(result).toEqual({
      ok: false,
      reason: "unreachable",
      message: expect.any(String),
      requestId: null,
    });
    expectNoCredential(result);
  });

  it("does not follow a redirect: the credential goes to the base URL and nowhere else", async () => {
    const { emulator, baseUrl } = target();
    const origin = new URL(baseUrl).origin;
    const { url, server } = await redirecting(origin);
    try {
      emulator.log.clear();
      const result = await provider().checkCredential({
        baseUrl: baseUrl.replace(origin, url),
        credential: CREDENTIAL,
      });
      expect(result).toMatchObject({ ok: false, reason: "unreachable" });
      expect(emulator.log.list()).toEqual([]);
    } finally {
      server.close();
    }
  });

  it("says timeout, on its own, when the upstream never answers", async () => {
    const { emulator, baseUrl, path } = target();
    emulator.faults.add({ method: "GET", path, remaining: 1, fault: { kind: "hang" } });
    const before = Date.now();
    const result = await provider().checkCredential({ baseUrl, credential: CREDENTIAL, timeoutMs: 300 });
    expect(result).toEqual({ ok: false, reason: "timeout", message: expect.any(String), requestId: null });
    expect(Date.now() - before).toBeLessThan(3_000);
    emulator.faults.clear();
  });

  it("says bad_response for an answer of the wrong shape, and upstream_error for a 503, without retrying", async () => {
    const { emulator, baseUrl, path } = target();
    emulator.faults.add({ method: "GET", path, remaining: 1, fault: { kind: "malformed" } });
    expect(await provider().checkCredential({ baseUrl, credential: CREDENTIAL })).toMatchObject({
      ok: false,
      reason: "bad_response",
    });
    emulator.log.clear();
    emulator.faults.add({ method: "GET", path, remaining: 1, fault: { kind: "status", status: 503 } });
    const result = await provider().checkCredential({ baseUrl, credential: CREDENTIAL });
    expect(result).toMatchObject({ ok: false, reason: "upstream_error", requestId: expect.any(String) });
    expect(emulator.log.list()).toHaveLength(1);
  });

  it("takes the default time limit for a time limit that is not a number of ms", async () => {
    const { baseUrl } = target();
    for (const timeoutMs of [Number.NaN, -1, 0, Number.POSITIVE_INFINITY])
      expect(await provider().checkCredential({ baseUrl, credential: CREDENTIAL, timeoutMs })).toMatchObject({
        ok: true,
      });
  });

  it("never throws, even for a base URL that is not a URL", async () => {
    for (const baseUrl of ["not a url", "ftp://127.0.0.1/", ""]) {
      const result = await provider().checkCredential({ baseUrl, credential: CREDENTIAL });
      expect(result).toMatchObject({ ok: false, reason: "unreachable", requestId: null });
      expectNoCredential(result);
    }
  });
});
