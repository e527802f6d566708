// `npm run bench:emulator`: requests per second the emulator serves for GET /v1/service-accounts,
// with the demo seed and with 200 service accounts x 50 keys. The emulator runs as its own process
// (as `npm run emulator` does); the load comes from this one over loopback keep-alive connections.
// Prints numbers; asserts nothing.
import { freePort } from "@/tests/support/free-port";
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";

const ADMIN_KEY = "adm_bench";
const CONCURRENCY = Number(process.argv[2] ?? 8);
const DURATION_MS = 8_000;

function startEmulator(seed: string, port: number): Promise<() => void> {
  const child = spawn(
    "npx",
    [
      "tsx",
      "lib/emulator/elevenlabs/cli.ts",
      "--port",
      String(port),
      "--admin-key",
      ADMIN_KEY,
      "--seed",
      seed,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve(() => child.kill("SIGTERM"));
    });
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

function get(agent: Agent, port: number): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/v1/service-accounts", agent, headers: { "xi-api-key": ADMIN_KEY } },
      (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () =>
          res.statusCode === 200
            ? resolve({ ms: performance.now() - started, bytes })
            : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function measure(label: string, seed: string, port: number) {
  const stop = await startEmulator(seed, port);
  try {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    for (let i = 0; i < 5; i++) await get(agent, port); // warm up
    const latencies: number[] = [];
    let bytes = 0;
    const deadline = performance.now() + DURATION_MS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          const r = await get(agent, port);
          latencies.push(r.ms);
          bytes = r.bytes;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
    console.log(
      `${label.padEnd(22)} ${(latencies.length / seconds).toFixed(1).padStart(8)} req/s   p50 ${pct(0.5)} ms   p99 ${pct(0.99)} ms   body ${(bytes / 1024).toFixed(0)} KiB   (${latencies.length} requests, ${CONCURRENCY} concurrent, ${seconds.toFixed(1)} s)`,
    );
    agent.destroy();
  } finally {
    stop();
  }
}

await measure("demo seed (20 keys)", "demo", await freePort());
await measure("200 x 50 (10,000 keys)", "200x50", await freePort());
