// checkCredential for each provider against its real emulator over HTTP: a good credential, a wrong
// one (401), a port where nothing listens and an upstream that never answers. It never throws and
// never echoes the credential.
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

  it("never throws, even for a base URL that is not a URL", async () => {
    for (const baseUrl of ["not a url", "ftp://127.0.0.1/", ""]) {
      const result = await provider().checkCredential({ baseUrl, credential: CREDENTIAL });
      expect(result).toMatchObject({ ok: false, reason: "unreachable", requestId: null });
      expectNoCredential(result);
    }
  });
});
