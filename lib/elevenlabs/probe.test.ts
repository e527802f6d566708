// The upstream probe against the real emulator over HTTP: the admin key it was started with, a
// wrong key, nobody listening, and a server that never answers.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { probeUpstream } from "./probe";

const ADMIN_KEY = "adm_probe_test_key";
let emulator: Emulator;
let silent: Server;
let silentUrl: string;

beforeAll(async () => {
  emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "demo", host: "127.0.0.1", port: 0 });
  // Takes the request and never answers it.
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await emulator.close();
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe("probeUpstream", () => {
  it("passes when the upstream answers an authenticated read", async () => {
    await expect(probeUpstream({ baseUrl: emulator.url, apiKey: ADMIN_KEY }, 2_000)).resolves.toBeUndefined();
  });

  it("sends the admin key and reads the service-account list, once (no retries)", async () => {
    const before = emulator.log.list().length;
    await probeUpstream({ baseUrl: emulator.url, apiKey: ADMIN_KEY }, 2_000);
    const calls = emulator.log.list().slice(before);
    expect(calls.map((c) => [c.method, c.path])).toEqual([["GET", "/v1/service-accounts"]]);
  });

  it("fails, naming the status but not the answer, when the key is refused", async () => {
    const error = await probeUpstream({ baseUrl: emulator.url, apiKey: "adm_wrong" }, 2_000).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error.message)).toBe("the upstream answered 401");
  });

  it("fails when nothing listens there, saying why in a word (for the server log)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(probeUpstream({ baseUrl: url, apiKey: ADMIN_KEY }, 2_000)).rejects.toThrow(
      "the upstream could not be reached (ECONNREFUSED)",
    );
  });

  it("gives up on its own after its time limit when the upstream never answers", async () => {
    await expect(probeUpstream({ baseUrl: silentUrl, apiKey: ADMIN_KEY }, 50)).rejects.toThrow(
      "the upstream could not be reached (TimeoutError)",
    );
  });
});
