// `npx tsx --conditions=react-server tests/bench/leak-report.ts [--reports 50] [--latency 0]`
// Issue 14's measure: the time from a signed leak report arriving to the key refusing requests
// upstream, p50 over `--reports` reports. Keydesk's leak endpoint (lib/leaks, the code behind
// POST /api/leaks/github) is served over HTTP on loopback in this process, with a PGlite database
// in a temporary folder; GitHub's keys come from a local keys URL (generated P-256 pair); the
// upstream is the ElevenLabs emulator in its own process, with `--latency` ms added to each call.
// For each report: a fresh key is made on the emulator (its secret is the leaked token), the message
// is signed and sent, and the secret is tried on the emulator every few milliseconds from the moment
// the message is sent until the emulator answers invalid_api_key. Prints; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection } from "@/lib/connections/types";
import { openDatabase } from "@/lib/db/database";
import { createUpstream } from "@/lib/elevenlabs/client";
import { answerLeakReport } from "@/lib/leaks/endpoint";
import { githubEndpoint } from "@/lib/leaks/github";
import { githubKeys } from "@/lib/leaks/github-keys";
import { startBenchEmulator } from "@/tests/support/bench-emulator";
import { freePort } from "@/tests/support/free-port";
import { githubHeaders, startGithubKeysServer } from "@/tests/support/github-keys-server";
import { arg, percentile } from "@/tests/support/next-server";

const ADMIN_KEY = "adm_bench_leak_report_0123456789";
const reports = Number(arg("reports", "50"));
const latency = Number(arg("latency", "0"));

const dir = mkdtempSync(join(tmpdir(), "keydesk-leak-bench-"));
const database = await openDatabase({ kind: "pglite", dataDir: dir });
const emulator = await startBenchEmulator({ port: await freePort(), adminKey: ADMIN_KEY, seed: "empty" });
const keysServer = await startGithubKeysServer();
const pair = keysServer.published[0]!;

const admin = (path: string, method = "GET", body?: unknown) =>
  fetch(`${emulator.url}${path}`, {
    method,
    headers: { "xi-api-key": ADMIN_KEY, ...(body ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json() as Promise<Record<string, string>>);

if (latency > 0)
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

const primary: Connection = {
  id: "env-elevenlabs",
  name: "Bench workspace",
  provider: "elevenlabs",
  baseUrl: emulator.url,
  source: "file",
  credentialHint: "",
  createdAt: null,
  credential: async () => ADMIN_KEY,
};
const upstream = createUpstream({ baseUrl: emulator.url, apiKey: ADMIN_KEY, timeoutMs: 10_000 });
const spec = githubEndpoint(githubKeys({ url: keysServer.url }), {
  db: async () => database.db,
  deps: async () => ({
    keys: { upstream, db: database.db },
    connections: {
      db: database.db,
      keys: () => {
        throw new Error("no stored connections in this benchmark");
      },
      fixed: async () => [primary],
      check: async () => ({ ok: true, summary: "" }),
    },
    autoDisable: true,
  }),
});

// Keydesk's endpoint over HTTP, as Next.js would hand it the request.
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const answer = await answerLeakReport(
    spec,
    new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: new Uint8Array(Buffer.concat(chunks)),
    }),
  );
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(Buffer.from(await answer.arrayBuffer()));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/leaks/github`;

/** True once the emulator refuses `secret` as a disabled (or unknown) key. */
async function refused(secret: string): Promise<boolean> {
  const res = await fetch(`${emulator.url}/v1/service-accounts`, { headers: { "xi-api-key": secret } });
  const body = (await res.json()) as { detail?: { status?: string } };
  return body.detail?.status === "invalid_api_key";
}

const saId = (await admin("/v1/service-accounts", "POST", { name: "bench" }))["service-account-user-id"]!;
const untilRefused: number[] = [];
const answered: number[] = [];
try {
  for (let i = 0; i < reports; i++) {
    const made = await admin(`/v1/service-accounts/${saId}/api-keys`, "POST", {
      name: `leaked-${i}`,
      permissions: ["text_to_speech"],
    });
    const secret = made["xi-api-key"]!;
    const body = JSON.stringify([
      {
        token: secret,
        type: "elevenlabs_api_key",
        url: `https://github.com/bench/r/blob/x/${i}`,
        source: "content",
      },
    ]);
    const headers = githubHeaders(pair, body);
    const started = performance.now();
    let answerAt = 0;
    const sent = fetch(endpoint, { method: "POST", headers, body }).then(async (res) => {
      answerAt = performance.now();
      const outcome = ((await res.json()) as { outcome?: string }[])[0]?.outcome;
      if (res.status !== 200 || outcome !== "disabled")
        throw new Error(`report ${i}: HTTP ${res.status} ${outcome}`);
    });
    let refusedAt = 0;
    while (refusedAt === 0) {
      if (await refused(secret)) refusedAt = performance.now();
      else await new Promise((r) => setTimeout(r, 2));
    }
    await sent;
    untilRefused.push(refusedAt - started);
    answered.push(answerAt - started);
  }
} finally {
  server.close();
  emulator.stop();
  await keysServer.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

const show = (label: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} p50 ${percentile(sorted, 0.5).toFixed(0).padStart(5)} ms   p90 ${percentile(
      sorted,
      0.9,
    )
      .toFixed(0)
      .padStart(5)} ms   max ${sorted.at(-1)!.toFixed(0).padStart(5)} ms`,
  );
};
console.log(`${reports} signed reports, upstream latency ${latency} ms`);
show("report sent → key refused upstream", untilRefused);
show("report sent → answer", answered);
