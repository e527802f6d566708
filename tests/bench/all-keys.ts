// `npm run bench:all-keys [-- --rounds 5]` (needs a build: `npx next build`)
// Time to first rows of "All keys" with four connections: the primary ElevenLabs workspace with
// 200 service accounts x 50 keys (10,000 keys), a second ElevenLabs workspace, a DocSpace portal
// and a Voiceable account (demo seeds, each emulator its own process); then with 2 s of latency on
// the Voiceable connection. Measured three ways, each the median over rounds:
//   - the API as the page calls it: /api/inventory (the primary's rows) and
//     /api/inventory/connections (every other connection's) side by side, fresh reads;
//   - the page in Chromium: first key row on screen, and every connection's rows on screen;
//   - the floor, in the same rounds: the four upstream lists fetched and JSON-parsed directly.
// Real `next start`, real HTTP. Prints numbers with the ratio to the floor; asserts nothing.
import { startHarness } from "@/tests/support/console-harness";
import { startBenchEmulator, type BenchEmulator } from "@/tests/support/bench-emulator";
import { freePort } from "@/tests/support/free-port";
import { arg, median } from "@/tests/support/next-server";

const rounds = Number(arg("rounds", "5"));
const CREDENTIAL = "adm_bench_all_keys_0123456789abcdef";
// Seals the added connections' credentials in the bench server's database (32 bytes, hex).
process.env.KEYDESK_ENCRYPTION_KEY = "b3c4".repeat(16);

interface Upstream {
  label: string;
  provider: "elevenlabs" | "docspace" | "voiceable";
  url: string;
  /** The key list's path, and how the floor authenticates. */
  keysPath: string;
  headers: Record<string, string>;
  stop?: () => void;
}

async function otherUpstream(
  provider: Upstream["provider"],
): Promise<Upstream & { emulator: BenchEmulator }> {
  const emulator = await startBenchEmulator({
    provider,
    port: await freePort(),
    adminKey: CREDENTIAL,
    seed: "demo",
  });
  const keysPath = {
    elevenlabs: "/v1/service-accounts",
    docspace: "/api/2.0/keys",
    voiceable: "/api/v1/api_keys",
  }[provider];
  const headers: Record<string, string> = {
    elevenlabs: { "xi-api-key": CREDENTIAL },
    docspace: { authorization: `Bearer ${CREDENTIAL}` },
    voiceable: { "x-api-key": CREDENTIAL },
  }[provider];
  return {
    label: `${provider} demo`,
    provider,
    url: emulator.url,
    keysPath,
    headers,
    emulator,
    stop: () => emulator.stop(),
  };
}

/** The floor: every upstream list fetched and parsed at once, without Keydesk. */
async function floor(upstreams: Upstream[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    upstreams.map(async (u) => {
      const response = await fetch(`${u.url}${u.keysPath}`, { headers: u.headers });
      if (!response.ok) throw new Error(`${u.label}: HTTP ${response.status}`);
      JSON.parse(await response.text());
    }),
  );
  return performance.now() - started;
}

async function setLatency(u: Upstream, ms: number | null) {
  await fetch(`${u.url}/__emulator/faults`, { method: "DELETE" });
  if (ms === null) return;
  const response = await fetch(`${u.url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "GET", path: u.keysPath, count: 1_000, fault: { kind: "latency", ms } }),
  });
  if (!response.ok) throw new Error(`latency fault: HTTP ${response.status}`);
}

/**
 * In the page: when the first key row is in the DOM, and when every connection's read has landed
 * (the "Reading the other connections…" status gone, with rows on screen). Not "a row of each
 * connection": the table is virtualised and newest first, so older connections' rows may be out of view.
 */
const PAGE_TIMES = `new Promise((resolve) => {
  let first = null;
  const check = () => {
    const rows = document.querySelector("tbody tr[data-key-id]");
    if (first === null && rows) first = performance.now();
    const reading = [...document.querySelectorAll("[role=status]")].some((e) => e.textContent.includes("Reading the other connections"));
    if (first !== null && !reading) resolve({ first, all: performance.now() });
    else requestAnimationFrame(check);
  };
  check();
})`;

const fmt = (ms: number) => `${Math.round(ms)} ms`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);

const harness = await startHarness({
  seed: { serviceAccounts: 200, keysPerAccount: 50 },
  port: await freePort(),
});
const others = await Promise.all([
  otherUpstream("elevenlabs"),
  otherUpstream("docspace"),
  otherUpstream("voiceable"),
]);
const primary: Upstream = {
  label: "elevenlabs 200x50",
  provider: "elevenlabs",
  url: harness.emulator.url,
  keysPath: "/v1/service-accounts",
  headers: { "xi-api-key": "adm_bench_workspace_admin_key" },
};
const voiceable = others[2]!;
try {
  const context = await harness.signedIn();
  const api = context.request;
  const headers = { origin: harness.base };
  for (const u of others) {
    const res = await api.post("/api/connections", {
      headers,
      data: {
        name: u.label,
        provider: u.provider,
        baseUrl: u.provider === "voiceable" ? `${u.url}/api/v1` : u.url,
        credential: CREDENTIAL,
      },
    });
    if (res.status() !== 201) throw new Error(`add ${u.label}: HTTP ${res.status()} ${await res.text()}`);
  }
  const upstreams = [primary, ...others];

  // Warm-up: the primary's first read takes the 10,000-key baseline; modules load.
  await Promise.all([api.get("/api/inventory?fresh=1"), api.get("/api/inventory/connections")]);

  for (const slow of [null, 2_000]) {
    await setLatency(voiceable, slow);
    const floors: number[] = [];
    const primaryApi: number[] = [];
    const othersApi: number[] = [];
    const firstRows: number[] = [];
    const allRows: number[] = [];
    let keys = 0;
    for (let r = 0; r < rounds; r++) {
      floors.push(await floor(upstreams));
      const started = performance.now();
      const [inventory, connections] = await Promise.all([
        api.get("/api/inventory?fresh=1").then(async (res) => {
          const body = (await res.json()) as { keys: unknown[] };
          primaryApi.push(performance.now() - started);
          return body;
        }),
        api.get("/api/inventory/connections").then(async (res) => {
          const body = (await res.json()) as { connections: { ok: boolean; keys?: unknown[] }[] };
          othersApi.push(performance.now() - started);
          return body;
        }),
      ]);
      if (connections.connections.some((c) => !c.ok)) throw new Error("a connection could not be read");
      keys = inventory.keys.length + connections.connections.reduce((n, c) => n + (c.keys?.length ?? 0), 0);
      const page = await context.newPage();
      await page.goto("/inventory", { waitUntil: "commit" });
      const times = (await page.evaluate(PAGE_TIMES)) as {
        first: number;
        all: number;
      };
      firstRows.push(times.first);
      allRows.push(times.all);
      await page.close();
    }
    const f = median(floors);
    console.log(
      `${slow === null ? "all healthy" : "voiceable +2 s latency"} (${keys} keys, median of ${rounds}):`,
    );
    console.log(`  floor: four upstream lists fetched + parsed directly   ${fmt(f)}`);
    console.log(
      `  API: primary's rows (/api/inventory?fresh=1)            ${fmt(median(primaryApi))}  ratio ${ratio(median(primaryApi), f)}`,
    );
    console.log(
      `  API: other connections (/api/inventory/connections)     ${fmt(median(othersApi))}  ratio ${ratio(median(othersApi), f)}`,
    );
    console.log(
      `  page: first rows on screen (from navigation start)      ${fmt(median(firstRows))}  ratio ${ratio(median(firstRows), f)}  (${firstRows.map(fmt).join(", ")})`,
    );
    console.log(
      `  page: every connection read and shown                    ${fmt(median(allRows))}  ratio ${ratio(median(allRows), f)}  (${allRows.map(fmt).join(", ")})`,
    );
  }
} finally {
  for (const u of others) u.stop?.();
  await harness.close();
}
