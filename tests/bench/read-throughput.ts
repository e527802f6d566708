// `npx tsx --conditions=react-server tests/bench/read-throughput.ts [--seed demo|200x50] [--seconds 8] [--rounds 3] [--dir <checkout>] [--base <checkout>]`
// (--dir: measure another built checkout's Keydesk, e.g. an older commit in a worktree, against the
// same floors; --base: also measure a second built checkout, e.g. the code before a change, in the
// same interleaved rounds, so a busy machine slows both alike.)
// Keydesk's small read, GET /api/service-accounts (signed in, real mode), against two floors
// measured in the same run: a bare Next.js route that reads the same emulator and answers its
// JSON (tests/support/bare-next.ts), and a direct call to the emulator. Throughput with the
// upstream answering at once, and p50 latency with 50 ms added to every upstream read. Runs are
// interleaved and repeated; medians are printed with their ratios. Needs a build (`npx next build`).
// Prints numbers; asserts nothing.
import { Agent, request } from "node:http";
import { startBareNext } from "@/tests/support/bare-next";
import { startBenchEmulator } from "@/tests/support/bench-emulator";
import { freePort } from "@/tests/support/free-port";
import { arg, median, percentile, startNext } from "@/tests/support/next-server";

const ADMIN_KEY = "adm_bench_read_throughput_0123456789";
const ADMIN = { email: "admin@bench.example", password: "bench-Console-Passw0rd!" };
const seed = arg("seed", "demo");
const seconds = Number(arg("seconds", "8"));
const rounds = Number(arg("rounds", "3"));

/** `count` callers in a loop for `seconds`: requests per second and each request's milliseconds. */
async function load(url: string, headers: Record<string, string>, count: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: count });
  const target = new URL(url);
  const times: number[] = [];
  const end = Date.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, agent, headers },
        (res) => {
          if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
          res.resume();
          res.on("end", () => {
            times.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.on("error", reject);
      req.end();
    });
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  agent.destroy();
  times.sort((a, b) => a - b);
  return { perSecond: times.length / seconds, p50: percentile(times, 0.5) };
}

const emulator = await startBenchEmulator({
  port: await freePort(),
  adminKey: ADMIN_KEY,
  seed: seed,
  maxServiceAccounts: 1000,
});
const setLatency = async (ms: number) => {
  await fetch(`${emulator.url}/__emulator/faults`, { method: "DELETE" });
  if (ms > 0)
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        method: "GET",
        path: "/v1/service-accounts",
        count: 1_000_000_000,
        fault: { kind: "latency", ms },
      }),
    });
};
const keydesk = await startNext(arg("dir", "."), await freePort(), {
  ELEVENLABS_API_KEY: ADMIN_KEY,
  ELEVENLABS_BASE_URL: emulator.url,
  KEYDESK_AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
  KEYDESK_ADMIN_EMAIL: ADMIN.email,
  KEYDESK_ADMIN_PASSWORD: ADMIN.password,
});
const base = process.argv.includes("--base")
  ? await startNext(arg("base", ""), await freePort(), {
      ELEVENLABS_API_KEY: ADMIN_KEY,
      ELEVENLABS_BASE_URL: emulator.url,
      KEYDESK_AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
      KEYDESK_ADMIN_EMAIL: ADMIN.email,
      KEYDESK_ADMIN_PASSWORD: ADMIN.password,
    })
  : null;
const bare = await startBareNext(await freePort(), { url: emulator.url, adminKey: ADMIN_KEY });
try {
  const cookieOf = async (serverUrl: string) => {
    const signIn = await fetch(`${serverUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: serverUrl },
      body: JSON.stringify(ADMIN),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
    return signIn.headers.get("set-cookie")!.split(";")[0]!;
  };
  const targets: Record<string, readonly [string, Record<string, string>]> = {
    keydesk: [`${keydesk.url}/api/service-accounts`, { cookie: await cookieOf(keydesk.url) }],
    ...(base ? { base: [`${base.url}/api/service-accounts`, { cookie: await cookieOf(base.url) }] } : {}),
    bare: [`${bare.url}/api/service-accounts`, {}],
    direct: [`${emulator.url}/v1/service-accounts`, { "xi-api-key": ADMIN_KEY }],
  };
  const keydesks = base ? (["keydesk", "base"] as const) : (["keydesk"] as const);
  for (const [url, headers] of Object.values(targets)) await load(url, headers, 2); // warm up

  const results: Record<string, number[]> = {};
  const note = (label: string, value: number) => (results[label] ??= []).push(value);
  for (let round = 0; round < rounds; round++) {
    await setLatency(0);
    for (const count of [8, 32]) {
      for (const name of [...keydesks, "bare"]) {
        const [url, headers] = targets[name]!;
        note(
          `${name} req/s, ${count} concurrent, 0 ms upstream`,
          (await load(url, headers, count)).perSecond,
        );
      }
    }
    await setLatency(50);
    for (const count of [1, 8]) {
      for (const name of [...keydesks, "bare", "direct"]) {
        const [url, headers] = targets[name]!;
        note(`${name} p50 ms, ${count} concurrent, 50 ms upstream`, (await load(url, headers, count)).p50);
      }
    }
  }
  console.log(`seed ${seed}; ${rounds} interleaved rounds of ${seconds} s each; medians`);
  const m = (label: string) => median(results[label]!);
  const label = (name: string) => (name === "keydesk" ? "Keydesk" : "base");
  for (const count of [8, 32]) {
    const b = m(`bare req/s, ${count} concurrent, 0 ms upstream`);
    for (const name of keydesks) {
      const k = m(`${name} req/s, ${count} concurrent, 0 ms upstream`);
      console.log(
        `GET /api/service-accounts, ${count} concurrent, 0 ms upstream: ${label(name)} ${k.toFixed(0)} req/s, bare Next ${b.toFixed(0)} req/s: ${(k / b).toFixed(2)}x`,
      );
    }
  }
  for (const count of [1, 8]) {
    const b = m(`bare p50 ms, ${count} concurrent, 50 ms upstream`);
    const d = m(`direct p50 ms, ${count} concurrent, 50 ms upstream`);
    for (const name of keydesks) {
      const k = m(`${name} p50 ms, ${count} concurrent, 50 ms upstream`);
      console.log(
        `p50, ${count} concurrent, 50 ms upstream: ${label(name)} ${k.toFixed(1)} ms, bare Next ${b.toFixed(1)} ms, direct ${d.toFixed(1)} ms: ${label(name)} ${(k / d).toFixed(2)}x direct (bare ${(b / d).toFixed(2)}x)`,
      );
    }
  }
} finally {
  await keydesk.stop();
  await base?.stop();
  await bare.stop();
  emulator.stop();
}
