// Leak reports through the real routes (issue 14): a Keydesk server of this spec's own (real mode
// against the e2e emulator) with GitHub's keys read from a local keys URL and a webhook secret
// set. A signed GitHub message, and a signed generic report, each with a secret of a key made on
// the emulator, switch that key off upstream (the emulator then refuses the secret); a forged,
// unsigned or replayed message changes nothing; no session and no Origin are needed; the token is
// nowhere in the server's log.
import { readFileSync } from "node:fs";
import { webhookSignature as signatureHeader } from "@/tests/support/leak-webhook";
import { E2E } from "@/tests/support/e2e-servers";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import {
  githubHeaders,
  makeKeyPair,
  startGithubKeysServer,
  type GithubKeysServer,
} from "@/tests/support/github-keys-server";
import { startOwnServer, type OwnServer } from "@/tests/support/own-server";

/** A port of this spec's own (the shared table in e2e-servers.ts leaves 3108 free). */
const PORT = 3108 + (Number(process.env.E2E_PORT_OFFSET ?? 0) || 0);
const WEBHOOK_SECRET = "e2e-leak-webhook-secret-0123456789abcdef";
const secrets: string[] = [];
let keys: GithubKeysServer;
let server: OwnServer;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  keys = await startGithubKeysServer();
  server = await startOwnServer("leaks", PORT, {
    KEYDESK_GITHUB_KEYS_URL: keys.url,
    KEYDESK_LEAK_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
});
test.afterAll(async () => {
  await server?.stop();
  await keys?.close();
});

/** A key made in ElevenLabs' own settings (not through Keydesk), and its secret. */
async function madeKey(name: string): Promise<{ saId: string; keyId: string; secret: string }> {
  const sa = await emulator.admin<Record<string, string>>("POST", "/v1/service-accounts", {
    name: `leaks ${name}`,
  });
  const saId = sa["service-account-user-id"]!;
  const key = await emulator.admin<Record<string, string>>("POST", `/v1/service-accounts/${saId}/api-keys`, {
    name,
    permissions: ["text_to_speech"],
  });
  secrets.push(key["xi-api-key"]!);
  return { saId, keyId: key.key_id!, secret: key["xi-api-key"]! };
}

/** What the emulator answers the secret itself: invalid_api_key once the key is off. */
async function secretStatus(secret: string): Promise<string> {
  const res = await fetch(`${E2E.emulatorUrl}/v1/service-accounts`, { headers: { "xi-api-key": secret } });
  return ((await res.json()) as { detail: { status: string } }).detail.status;
}

const report = (token: string) =>
  JSON.stringify([
    { token, type: "elevenlabs_api_key", url: "https://github.com/e2e/repo/blob/x/.env", source: "content" },
  ]);

const post = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${server.url}${path}`, { method: "POST", headers, body });

test("a signed GitHub message disables the key upstream; forged, unsigned and replayed ones change nothing", async () => {
  const { secret } = await madeKey("github-leaked");
  const body = report(secret);
  const pair = keys.published[0]!;
  const before = (await emulator.requests()).filter((r) => r.method !== "GET").length;

  const forged = await post("/api/leaks/github", body, {
    ...githubHeaders(makeKeyPair(), body),
    "github-public-key-identifier": pair.id,
  });
  expect(forged.status).toBe(401);
  expect((await post("/api/leaks/github", body, { "content-type": "application/json" })).status).toBe(401);
  expect((await emulator.requests()).filter((r) => r.method !== "GET").length).toBe(before);
  expect(await secretStatus(secret)).toBe("missing_permissions");

  // No session, no Origin: the signature is the proof.
  const res = await post("/api/leaks/github", body, githubHeaders(pair, body));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual([
    expect.objectContaining({
      token_type: "elevenlabs_api_key",
      label: "true_positive",
      outcome: "disabled",
    }),
  ]);
  expect(await secretStatus(secret)).toBe("invalid_api_key");

  const writes = (await emulator.requests()).filter((r) => r.method !== "GET").length;
  const replay = await post("/api/leaks/github", body, githubHeaders(pair, body));
  expect(replay.status).toBe(409);
  expect((await emulator.requests()).filter((r) => r.method !== "GET").length).toBe(writes);
});

test("a generic report signed with the webhook secret disables the key; the token is not in the log", async () => {
  const { secret } = await madeKey("generic-leaked");
  const body = JSON.stringify([{ token: secret, url: "https://paste.example/raw/1" }]);
  const wrong = await post("/api/leaks/generic", body, {
    "content-type": "application/json",
    "keydesk-signature": signatureHeader("another-secret-0123456789abcdef-xyz", body),
  });
  expect(wrong.status).toBe(401);
  expect(await secretStatus(secret)).toBe("missing_permissions");

  const res = await post("/api/leaks/generic", body, {
    "content-type": "application/json",
    "keydesk-signature": signatureHeader(WEBHOOK_SECRET, body),
  });
  expect(res.status).toBe(200);
  expect((await res.json())[0].outcome).toBe("disabled");
  expect(await secretStatus(secret)).toBe("invalid_api_key");

  const log = readFileSync(`${E2E.logDir}/leaks-server.log`, "utf8");
  for (const s of secrets) expect(log).not.toContain(s);
});
