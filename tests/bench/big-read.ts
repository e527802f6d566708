// `npx tsx --conditions=react-server tests/bench/big-read.ts [--rounds 5] [--requests 9] [--dir <checkout>] [--base <checkout>]`
// (--base: also measure another built checkout, e.g. the code before a change, in the same rounds
// against the same emulator, so a busy machine slows both alike.)
// The 10,000-key reads (200 service accounts x 50 keys in the emulator): GET /api/service-accounts
// and GET /api/inventory?fresh=1 (each a read of its own: what a real read costs), and what a
// reused read costs, GET /api/inventory within the few seconds the server shares its last read
// (signed in, real mode against the emulator over HTTP), against a floor
// measured in the same run, a direct read of the same list from the emulator. One request at a
// time; targets interleaved in every round; each round's p50, then the median over rounds, with the
// ratio to the direct read. Then, in this process on a fresh PGlite, what the outside-change check
// alone costs for an unchanged re-read of the same 10,000 keys. Needs a build (`npx next build`).
// Prints numbers; asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db/database";
import { observeInventory } from "@/lib/observed/observe";
import { fakeWorkspace } from "@/tests/support/fake-workspace";
import { startBenchEmulator } from "@/tests/support/bench-emulator";
import { freePort } from "@/tests/support/free-port";
import { arg, median, percentile, startNext } from "@/tests/support/next-server";

const ADMIN_KEY = "adm_bench_big_read_0123456789abcdef";
const ADMIN = { email: "admin@bench.example", password: "bench-Console-Passw0rd!" };
const rounds = Number(arg("rounds", "5"));
const requests = Number(arg("requests", "9"));

/** Milliseconds of one request, its whole body read. */
async function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const ms = performance.now() - started;
  if (body.byteLength < 1_000_000) throw new Error(`${url}: only ${body.byteLength} bytes; not 10,000 keys?`);
  return ms;
}

async function p50Of(url: string, headers: Record<string, string>, count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await timeOne(url, headers));
  return percentile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

async function overHttp(): Promise<void> {
  const emulator = await startBenchEmulator({
    port: await freePort(),
    adminKey: ADMIN_KEY,
    seed: "200x50",
    maxServiceAccounts: 1000,
  });
  const checkouts = [["Keydesk", arg("dir", ".")]];
  if (process.argv.includes("--base")) checkouts.push(["base", arg("base", "")]);
  const servers: { label: string; url: string; stop(): Promise<void> }[] = [];
  try {
    const targets: Record<string, readonly [string, Record<string, string>]> = {
      direct: [`${emulator.url}/v1/service-accounts`, { "xi-api-key": ADMIN_KEY }],
    };
    for (const [label, dir] of checkouts) {
      const server = await startNext(dir!, await freePort(), {
        ELEVENLABS_API_KEY: ADMIN_KEY,
        ELEVENLABS_BASE_URL: emulator.url,
        KEYDESK_AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
        KEYDESK_ADMIN_EMAIL: ADMIN.email,
        KEYDESK_ADMIN_PASSWORD: ADMIN.password,
      });
      servers.push({ label: label!, ...server });
      const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify(ADMIN),
      });
      if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
      const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
      for (const route of ["service-accounts", "inventory?fresh=1"])
        targets[`${label} GET /api/${route}`] = [`${server.url}/api/${route}`, { cookie }];
      // Right after the fresh read above, so all but a round's first request reuse a read (a
      // checkout without the shared read answers each with a read of its own).
      targets[`${label} GET /api/inventory (reused)`] = [`${server.url}/api/inventory`, { cookie }];
    }
    // Warm up (the first Keydesk read also takes the snapshot's baseline).
    for (const [url, headers] of Object.values(targets)) await p50Of(url, headers, 3);

    const results: Record<string, number[]> = {};
    for (let round = 0; round < rounds; round++)
      for (const [name, [url, headers]] of Object.entries(targets))
        (results[name] ??= []).push(await p50Of(url, headers, requests));

    console.log(
      `200 x 50 keys; ${rounds} interleaved rounds of ${requests} sequential requests each; median of the rounds' p50`,
    );
    const direct = median(results.direct!);
    console.log(
      `direct upstream read GET /v1/service-accounts   ${direct.toFixed(1).padStart(7)} ms   (rounds: ${results.direct!.map((v) => v.toFixed(0)).join(", ")})`,
    );
    for (const [name, values] of Object.entries(results)) {
      if (name === "direct") continue;
      const p50 = median(values);
      console.log(
        `${name.padEnd(36)}   ${p50.toFixed(1).padStart(7)} ms  ${(p50 / direct).toFixed(2)}x direct   (rounds: ${values.map((v) => v.toFixed(0)).join(", ")})`,
      );
    }
  } finally {
    for (const server of servers) await server.stop();
    emulator.stop();
  }
}

/** The outside-change check alone, on an unchanged re-read of 10,000 keys (PGlite, this process). */
async function unchangedReRead(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "keydesk-big-read-"));
  const { db, close } = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    const workspace = fakeWorkspace(200, 50);
    await observeInventory(db, workspace); // the baseline
    await observeInventory(db, workspace); // the first re-read (it may remember what it found)
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const again = structuredClone(workspace); // a fresh read: new objects, the same values
      const started = performance.now();
      await observeInventory(db, again);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `outside-change check, unchanged re-read of 10,000 keys (PGlite, in process): p50 ${percentile(times, 0.5).toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms`,
    );
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await overHttp();
await unchangedReRead();
