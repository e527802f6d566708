// The audit page in a browser-free but real setting: 100,000 audit rows in a PGlite data folder,
// a production Keydesk (`next start`, demo mode) serving it, and the time until /audit's HTML has
// arrived, first page, filtered and deep. Needs a build (`npx next build`). Prints; asserts nothing.
//   npx tsx --conditions=react-server tests/bench/audit-page.ts
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db/database";
import { seedAudit } from "@/lib/audit/seed";
import type { AuditEntryInput } from "@/lib/audit/types";

const ROWS = 100_000;
const PORT = 3190;
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), "keydesk-audit-page-"));

const seeded = performance.now();
const database = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
const start = Date.UTC(2026, 0, 1);
for (let from = 0; from < ROWS; from += 10_000) {
  const chunk: (AuditEntryInput & { at: string })[] = Array.from({ length: 10_000 }, (_, j) => {
    const i = from + j;
    return {
      action: ["key_updated", "key_created", "sign_in", "key_disabled"][i % 4]!,
      actor: { userId: `u${i % 40}`, email: `person${i % 40}@example.com`, role: "admin" },
      target: { serviceAccountId: `sa${i % 200}`, keyId: `k${i % 10_000}`, name: `key-${i % 10_000}` },
      outcome: "ok",
      at: new Date(start + i * 60_000).toISOString(),
    };
  });
  await seedAudit(database.db, chunk);
}
await database.close();
console.log(
  `seeded ${ROWS.toLocaleString("en")} audit rows in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);

const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
  env: { ...process.env, ELEVENLABS_API_KEY: "", KEYDESK_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "ignore",
  detached: true,
});
try {
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${BASE}/sign-in`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const signIn = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email: "reviewer@demo.keydesk", password: "keydesk-demo" }),
  });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  const load = async (path: string) => {
    const t = performance.now();
    const res = await fetch(`${BASE}${path}`, { headers: { cookie } });
    const html = await res.text();
    if (!res.ok || !html.includes("Audit log")) throw new Error(`${path}: HTTP ${res.status}`);
    return performance.now() - t;
  };
  await load("/audit"); // first compile of the route's server code
  for (const [label, path] of [
    ["first page (50 newest)", "/audit"],
    ["actor + action filter", "/audit?actor=person7%40example.com&action=sign_in"],
    ["target name contains", "/audit?target=key-4242"],
    ["one day", "/audit?from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z"],
    ["deep keyset page", "/audit?before=1000"],
  ] as const) {
    const times = [];
    for (let i = 0; i < 5; i++) times.push(await load(path));
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(26)} median ${times[2]!.toFixed(0).padStart(5)} ms   best ${times[0]!.toFixed(0).padStart(5)} ms   (5 loads of ${path})`,
    );
  }
} finally {
  process.kill(-server.pid!, "SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
