// `npm run emulator` end to end: each provider's emulator starts as its own process from the
// one CLI (and from the old ElevenLabs entry), says where it listens, and answers its own API.
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";

const started: ChildProcess[] = [];
afterEach(() => {
  // Each CLI runs in its own process group, so this ends it and nothing else.
  for (const child of started.splice(0)) if (child.pid) process.kill(-child.pid, "SIGTERM");
});

/** Starts the CLI on a free port (0) and resolves with its banner line once it listens. */
function startCli(entry: string, args: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", entry, "--port", "0", "--admin-key", "cli_test_key", ...args],
    { stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  started.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.includes("listening"));
      if (line) resolve(line);
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

const urlOf = (banner: string) => /listening on (http:\/\/\S+)/.exec(banner)![1]!;

describe("npm run emulator", () => {
  it("--provider docspace answers DocSpace's key list with the admin's Bearer token", async () => {
    const banner = await startCli("lib/emulator/cli.ts", ["--provider", "docspace", "--seed", "empty"]);
    expect(banner).toMatch(/^DocSpace emulator listening on/);
    const res = await fetch(`${urlOf(banner)}/api/2.0/keys`, {
      headers: { authorization: "Bearer cli_test_key" },
    });
    expect(await res.json()).toMatchObject({ response: [], count: 0, statusCode: 200 });
  }, 30_000);

  it("--provider voiceable answers Voiceable's key list with the owner's X-API-Key (demo seed by default)", async () => {
    const banner = await startCli("lib/emulator/cli.ts", ["--provider", "voiceable"]);
    expect(banner).toMatch(/^Voiceable emulator listening on/);
    const res = await fetch(`${urlOf(banner)}/api/v1/api_keys`, { headers: { "x-api-key": "cli_test_key" } });
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(8);
  }, 30_000);

  it("the old entry, lib/emulator/elevenlabs/cli.ts, still starts the ElevenLabs emulator", async () => {
    const banner = await startCli("lib/emulator/elevenlabs/cli.ts", ["--seed", "2x3", "--control"]);
    expect(banner).toMatch(
      /^ElevenLabs emulator listening on .* \(2 service accounts, 6 keys, control routes on\)$/,
    );
    const res = await fetch(`${urlOf(banner)}/v1/service-accounts`, {
      headers: { "xi-api-key": "cli_test_key" },
    });
    expect(((await res.json()) as { "service-accounts": unknown[] })["service-accounts"]).toHaveLength(2);
  }, 30_000);
});
