// What withRole (session check, role check, parsing, error envelope) adds to a request, measured in
// process against the same handler without it, with a real signed-in session in PGlite.
// Run: npx tsx --conditions=react-server tests/bench/wrapper-latency.ts   (prints; asserts nothing)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dataDir = mkdtempSync(join(tmpdir(), "keydesk-bench-"));
process.env.KEYDESK_DATA_DIR = dataDir;
delete process.env.ELEVENLABS_API_KEY;

const { withRole } = await import("@/lib/api/with-role");
const { authRoute } = await import("@/lib/api/auth-route");
const { ROLES } = await import("@/lib/roles");

const ORIGIN = "http://localhost:3000";
const signIn = await authRoute.POST(
  new Request(`${ORIGIN}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000" },
    body: JSON.stringify({ email: "reviewer@demo.keydesk", password: "keydesk-demo" }),
  }),
);
const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;

const handler = async () => Response.json({ ok: true });
const wrapped = withRole(ROLES, {}, handler);
const request = () => new Request(`${ORIGIN}/api/probe`, { headers: { cookie, host: "localhost:3000" } });

async function time(label: string, call: () => Promise<Response>, n: number): Promise<number[]> {
  for (let i = 0; i < 50; i++) await call(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await call();
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
const N = 2000;
const bare = await time("bare", () => handler(), N);
const guarded = await time("wrapped", () => wrapped(request()), N);
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
console.log(`handler alone:        p50 ${fmt(pct(bare, 0.5))}   p99 ${fmt(pct(bare, 0.99))}   (${N} calls)`);
console.log(
  `inside withRole:      p50 ${fmt(pct(guarded, 0.5))}   p99 ${fmt(pct(guarded, 0.99))}   (${N} calls, PGlite session lookup)`,
);
console.log(
  `added by the wrapper: p50 ${fmt(pct(guarded, 0.5) - pct(bare, 0.5))}   p99 ${fmt(pct(guarded, 0.99) - pct(bare, 0.99))}`,
);
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
