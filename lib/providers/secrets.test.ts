// Secrets and credentials stay out of everything but the one answer that must carry them: nothing
// the adapters do writes them to stdout, stderr or the console, and no error or credential check
// carries the admin credential, for any provider, on success or failure.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { startDocspaceEmulator, type DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { createUpstream } from "@/lib/elevenlabs/client";
import { getProvider, type NewKey, type ProviderId } from "./index";

const CREDENTIAL = "secret_admin_credential_6d1f0c2e9b";
let eleven: Emulator;
let docspace: DocspaceEmulator;
let voiceable: VoiceableEmulator;
const setup: Partial<
  Record<
    ProviderId,
    {
      baseUrl: string;
      input: () => NewKey;
      emulator: { faults: Emulator["faults"] };
      anyPath: string;
      createPath: string;
    }
  >
> = {};

beforeAll(async () => {
  eleven = await startEmulator({ adminKeys: [CREDENTIAL], seed: "empty", control: true });
  docspace = await startDocspaceEmulator({ adminKeys: [CREDENTIAL], seed: "empty", control: true });
  voiceable = await startVoiceableEmulator({ adminKeys: [CREDENTIAL], seed: "empty", control: true });
  const sa = await createUpstream({
    baseUrl: eleven.url,
    apiKey: CREDENTIAL,
    timeoutMs: 2_000,
  }).createServiceAccount("s");
  setup.elevenlabs = {
    baseUrl: eleven.url,
    emulator: eleven,
    anyPath: `/v1/service-accounts/${sa.id}/api-keys/*`,
    createPath: `/v1/service-accounts/${sa.id}/api-keys`,
    input: () => ({ name: "k", groupId: sa.id, permissions: { kind: "permission_list", value: "all" } }),
  };
  setup.docspace = {
    baseUrl: docspace.url,
    emulator: docspace,
    anyPath: "/api/2.0/keys/*",
    createPath: "/api/2.0/keys",
    input: () => ({ name: "k", permissions: { kind: "scopes", value: "all" } }),
  };
  setup.voiceable = {
    baseUrl: `${voiceable.url}/api/v1`,
    emulator: voiceable,
    anyPath: "/api/v1/api_keys/*",
    createPath: "/api/v1/api_keys",
    input: () => ({ name: "k", permissions: { kind: "key_type", value: "private" } }),
  };
});
afterAll(() => Promise.all([eleven.close(), docspace.close(), voiceable.close()]));

/** Everything written to stdout, stderr and the console while `run` runs. */
async function captured(run: () => Promise<void>): Promise<string> {
  const out: string[] = [];
  const keep = (chunk: unknown) => {
    out.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(keep),
    vi.spyOn(process.stderr, "write").mockImplementation(keep),
    ...(["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) => void out.push(args.map(String).join(" "))),
    ),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return out.join("\n");
}

describe.each(["elevenlabs", "docspace", "voiceable"] as const)("%s", (id) => {
  it("never writes a new key's secret or the credential anywhere, and never puts the credential in an error", async () => {
    const { baseUrl, input, emulator, anyPath, createPath } = setup[id]!;
    const provider = getProvider(id);
    const client = provider.connect({
      baseUrl,
      credential: CREDENTIAL,
      timeoutMs: 300,
      retryPolicy: { retries: 1, baseDelayMs: 5, maxRetryAfterMs: 100 },
    });
    const secrets: string[] = [];
    const errors: unknown[] = [];
    const output = await captured(async () => {
      const created = await client.create(input());
      secrets.push(created.secret);
      const rotated = await client.rotate(created.key);
      secrets.push(rotated.twin.secret);
      emulator.faults.add({
        method: "DELETE",
        path: anyPath,
        remaining: 1,
        fault: { kind: "status", status: 503 },
      });
      const failedDelete = await client.rotate(rotated.twin.key);
      secrets.push(failedDelete.twin.secret);
      errors.push(failedDelete.old);
      emulator.faults.add({
        method: "POST",
        path: createPath,
        remaining: 1,
        fault: { kind: "status", status: 500 },
      });
      errors.push(await client.create(input()).catch((e: unknown) => e));
      const stranger = provider.connect({ baseUrl, credential: `${CREDENTIAL}_wrong`, timeoutMs: 300 });
      errors.push(await stranger.list().catch((e: unknown) => e));
      errors.push(await provider.checkCredential({ baseUrl, credential: `${CREDENTIAL}_wrong` }));
      errors.push(await provider.checkCredential({ baseUrl: `${baseUrl}/nowhere`, credential: CREDENTIAL }));
    });
    expect(secrets).toHaveLength(3);
    expect(
      errors.map((e) =>
        e instanceof Error
          ? e.name
          : ((e as { outcome?: string; ok?: boolean }).outcome ?? (e as { ok?: boolean }).ok),
      ),
    ).toEqual(["delete_failed", "UpstreamError", "UpstreamError", false, false]);
    for (const secret of [...secrets, CREDENTIAL]) expect(output).not.toContain(secret);
    const said = errors
      .map((e) => (e instanceof Error ? `${e.message} ${JSON.stringify(e)}` : JSON.stringify(e)))
      .join("\n");
    expect(said).not.toContain(CREDENTIAL);
    for (const secret of secrets) expect(said).not.toContain(secret);
  });
});
