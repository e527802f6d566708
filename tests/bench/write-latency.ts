// `npx tsx tests/bench/write-latency.ts [--latency 50] [--requests 20] [--rounds 3] [--dir <checkout>] [--base <checkout>]`
// (--dir: measure another built checkout's Keydesk against the same floor; --base: also measure a
// second built checkout, e.g. the commit before a change, in the same rounds, so both face the same
// load.)
// Keydesk's key writes, one at a time, with `--latency` ms added to every upstream call: creating
// a key (POST /api/service-accounts/:saId/keys) and changing one's name (PATCH
// /api/service-accounts/:saId/keys/:keyId), signed in as an admin, in real mode against the
// emulator. The floor, measured in the same run: the same write sent straight to the emulator
// (POST /v1/service-accounts/:saId/api-keys, PATCH …/api-keys/:keyId). Each round sends
// `--requests` of each kind, interleaved (Keydesk create, direct create, Keydesk change, direct
// change); the p50 of each round is taken and the median over rounds printed, with the ratios.
// Needs a build (`npx next build`). Prints numbers; asserts nothing.
import { startBenchEmulator } from "@/tests/support/bench-emulator";
import { freePort } from "@/tests/support/free-port";
import { arg, median, percentile, startNext } from "@/tests/support/next-server";

const ADMIN_KEY = "adm_bench_write_latency_0123456789";
const ADMIN = { email: "admin@bench.example", password: "bench-Console-Passw0rd!" };
const latency = Number(arg("latency", "50"));
const requests = Number(arg("requests", "20"));
const rounds = Number(arg("rounds", "3"));

/** One request's milliseconds, refusing any answer but the expected status. */
async function timed(url: string, init: RequestInit, status: number): Promise<[number, unknown]> {
  const started = performance.now();
  const res = await fetch(url, init);
  const body: unknown = await res.json();
  const ms = performance.now() - started;
  if (res.status !== status)
    throw new Error(`${init.method} ${url}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return [ms, body];
}

const emulator = await startBenchEmulator({ port: await freePort(), adminKey: ADMIN_KEY, seed: "empty" });
const upstream = (path: string, method = "GET", body?: unknown) =>
  fetch(`${emulator.url}${path}`, {
    method,
    headers: { "xi-api-key": ADMIN_KEY, ...(body ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
// Every upstream call, reads and writes alike, waits `latency` ms.
for (const path of [
  "/v1/service-accounts",
  "/v1/service-accounts/*/api-keys",
  "/v1/service-accounts/*/api-keys/*",
])
  await fetch(`${emulator.url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      method: "*",
      path,
      count: 1_000_000_000,
      fault: { kind: "latency", ms: latency },
    }),
  });
const saId = (
  (await (await upstream("/v1/service-accounts", "POST", { name: "bench" })).json()) as Record<string, string>
)["service-account-user-id"]!;
const keysPath = `/v1/service-accounts/${saId}/api-keys`;

const env = {
  ELEVENLABS_API_KEY: ADMIN_KEY,
  ELEVENLABS_BASE_URL: emulator.url,
  KEYDESK_AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
  KEYDESK_ADMIN_EMAIL: ADMIN.email,
  KEYDESK_ADMIN_PASSWORD: ADMIN.password,
};
const servers = [{ name: "Keydesk", server: await startNext(arg("dir", "."), await freePort(), env) }];
const baseDir = arg("base", "");
if (baseDir) servers.push({ name: "base", server: await startNext(baseDir, await freePort(), env) });

const newKey = (name: string) => ({ name, permissions: ["text_to_speech"], characterLimit: 1000 });
const newWireKey = (name: string) => ({ name, permissions: ["text_to_speech"], character_limit: 1000 });
const directInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "xi-api-key": ADMIN_KEY, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** A signed-in admin of one Keydesk, with a key of its own to rename back and forth. */
async function writer(name: string, url: string) {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(ADMIN),
  });
  if (!signIn.ok) throw new Error(`${name}: sign-in failed: HTTP ${signIn.status}`);
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  const init = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { cookie, origin: url, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  let keyName = `${name}-renamed-0`;
  const [, created] = await timed(
    `${url}/api/service-accounts/${saId}/keys`,
    init("POST", newKey(keyName)),
    201,
  );
  const keyId = (created as { key: { id: string } }).key.id;
  let renames = 0;
  return {
    name,
    async create(label: string): Promise<[number, string]> {
      const [ms, body] = await timed(
        `${url}/api/service-accounts/${saId}/keys`,
        init("POST", newKey(label)),
        201,
      );
      return [ms, (body as { key: { id: string } }).key.id];
    },
    async change(): Promise<number> {
      const next = `${name}-renamed-${++renames}`;
      const [ms] = await timed(
        `${url}/api/service-accounts/${saId}/keys/${keyId}`,
        init("PATCH", { name: next, expected: { name: keyName } }),
        200,
      );
      keyName = next;
      return ms;
    },
  };
}

try {
  const writers = [];
  for (const { name, server } of servers) writers.push(await writer(name, server.url));
  const [, direct] = await timed(
    `${emulator.url}${keysPath}`,
    directInit("POST", newWireKey("direct-0")),
    200,
  );
  const directKeyId = (direct as { key_id: string }).key_id;
  let directRenames = 0;

  const results: Record<string, number[]> = {};
  const note = (label: string, values: number[]) =>
    (results[label] ??= []).push(
      percentile(
        [...values].sort((a, b) => a - b),
        0.5,
      ),
    );
  for (let round = -1; round < rounds; round++) {
    const times: Record<string, number[]> = {};
    const time = (label: string, ms: number) => (times[label] ??= []).push(ms);
    const made: string[] = [];
    for (let i = 0; i < requests; i++) {
      for (const w of writers) {
        const [ms, keyId] = await w.create(`${w.name}-${round}-${i}`);
        time(`${w.name} create`, ms);
        made.push(keyId);
      }
      const [dc, dcBody] = await timed(
        `${emulator.url}${keysPath}`,
        directInit("POST", newWireKey(`direct-${round}-${i}`)),
        200,
      );
      time("direct create", dc);
      made.push((dcBody as { key_id: string }).key_id);
      for (const w of writers) time(`${w.name} change`, await w.change());
      const [dp] = await timed(
        `${emulator.url}${keysPath}/${directKeyId}`,
        directInit("PATCH", { name: `direct-renamed-${++directRenames}` }),
        200,
      );
      time("direct change", dp);
    }
    // The same number of keys in every round: this round's keys go, straight upstream, untimed.
    for (const keyId of made) await upstream(`${keysPath}/${keyId}`, "DELETE");
    if (round < 0) continue; // warm-up
    for (const [label, values] of Object.entries(times)) note(label, values);
  }
  console.log(
    `${latency} ms added to every upstream call; ${rounds} interleaved rounds of ${requests} of each write, one at a time; median of the rounds' p50`,
  );
  const m = (label: string) => median(results[label]!);
  for (const [what, kind] of [
    ["create a key (POST)", "create"],
    ["change a key's name (PATCH)", "change"],
  ] as const) {
    const d = m(`direct ${kind}`);
    const each = writers.map((w) => {
      const k = m(`${w.name} ${kind}`);
      return `${w.name} ${k.toFixed(1)} ms (${(k / d).toFixed(2)}x)`;
    });
    console.log(`${what}: ${each.join(", ")}, direct ${d.toFixed(1)} ms`);
  }
} finally {
  for (const { server } of servers) await server.stop();
  emulator.stop();
}
