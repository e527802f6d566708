// `npx tsx --conditions=react-server tests/bench/provider-lists.ts [--rounds 5]`
// The provider layer's share of "all keys across connections": four connections listed at once
// through lib/providers (ElevenLabs with 200 service accounts x 50 keys, a second ElevenLabs
// workspace with the demo seed, a DocSpace portal and a Voiceable account, each emulator its own
// process), timing the first connection to answer, the last, and the 10,000-key one alone, against
// a floor measured in the same rounds: the same four lists fetched and JSON-parsed directly. Then
// the same with 2 s of latency on the Voiceable connection. The median over rounds, with the
// ratio to the floor. Prints numbers; asserts nothing.
import { getProvider, type KeyClient, type ProviderId } from "@/lib/providers";
import { startBenchEmulator, type BenchEmulator } from "@/tests/support/bench-emulator";
import { freePort } from "@/tests/support/free-port";
import { arg, median } from "@/tests/support/next-server";

const CREDENTIAL = "adm_bench_provider_lists_0123456789";
const rounds = Number(arg("rounds", "5"));

interface Connection {
  label: string;
  emulator: BenchEmulator;
  client: KeyClient;
  keysPath: string;
  headers: Record<string, string>;
}

async function connection(label: string, provider: ProviderId, seed: string): Promise<Connection> {
  const port = await freePort();
  const emulator = await startBenchEmulator({
    provider,
    port,
    adminKey: CREDENTIAL,
    seed,
    maxServiceAccounts: seed === "200x50" ? 200 : undefined,
  });
  const baseUrl = provider === "voiceable" ? `${emulator.url}/api/v1` : emulator.url;
  const keysPath = {
    elevenlabs: "/v1/service-accounts",
    docspace: "/api/2.0/keys",
    voiceable: "/api/v1/api_keys",
  }[provider];
  const headers: Record<string, string> = (
    {
      elevenlabs: { "xi-api-key": CREDENTIAL },
      docspace: { authorization: `Bearer ${CREDENTIAL}` },
      voiceable: { "x-api-key": CREDENTIAL },
    } as Record<ProviderId, Record<string, string>>
  )[provider];
  return {
    label,
    emulator,
    keysPath,
    headers,
    client: getProvider(provider).connect({ baseUrl, credential: CREDENTIAL, timeoutMs: 30_000 }),
  };
}

/** Lists every connection at once: ms to the first answer, to the last, and to each. */
async function listAll(connections: Connection[]) {
  const started = performance.now();
  const each: Record<string, number> = {};
  let first = Infinity;
  let keys = 0;
  await Promise.all(
    connections.map(async (c) => {
      const listed = await c.client.list();
      const ms = performance.now() - started;
      each[c.label] = ms;
      first = Math.min(first, ms);
      keys += listed.length;
    }),
  );
  return { first, last: performance.now() - started, each, keys };
}

/** The floor: the four lists fetched and parsed at once, without the provider layer. */
async function fetchAll(connections: Connection[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    connections.map(async (c) => {
      const response = await fetch(`${c.emulator.url}${c.keysPath}`, { headers: c.headers });
      if (!response.ok) throw new Error(`${c.label}: HTTP ${response.status}`);
      JSON.parse(await response.text());
    }),
  );
  return performance.now() - started;
}

async function setLatency(c: Connection, ms: number | null) {
  await fetch(`${c.emulator.url}/__emulator/faults`, { method: "DELETE" });
  if (ms === null) return;
  const response = await fetch(`${c.emulator.url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "GET", path: c.keysPath, count: 1_000, fault: { kind: "latency", ms } }),
  });
  if (!response.ok) throw new Error(`latency fault: HTTP ${response.status}`);
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;

async function main() {
  const connections = await Promise.all([
    connection("elevenlabs 200x50", "elevenlabs", "200x50"),
    connection("elevenlabs demo", "elevenlabs", "demo"),
    connection("docspace demo", "docspace", "demo"),
    connection("voiceable demo", "voiceable", "demo"),
  ]);
  const voiceable = connections[3]!;
  try {
    await listAll(connections); // warm-up: module loading, connection pools
    for (const slow of [null, 2_000]) {
      await setLatency(voiceable, slow);
      const firsts: number[] = [];
      const lasts: number[] = [];
      const big: number[] = [];
      const floors: number[] = [];
      let keys = 0;
      for (let r = 0; r < rounds; r++) {
        floors.push(await fetchAll(connections));
        const run = await listAll(connections);
        firsts.push(run.first);
        lasts.push(run.last);
        big.push(run.each["elevenlabs 200x50"]!);
        keys = run.keys;
      }
      console.log(
        `${slow === null ? "all healthy" : "voiceable +2 s latency"}: ${keys} keys; first connection listed ${fmt(median(firsts))}, ` +
          `the 10,000-key one ${fmt(median(big))}, all four ${fmt(median(lasts))}; floor (direct fetch + parse) ` +
          `${fmt(median(floors))}, ratio ${(median(lasts) / median(floors)).toFixed(2)} (median of ${rounds}; ` +
          `rounds: ${lasts.map(fmt).join(", ")})`,
      );
    }
  } finally {
    for (const c of connections) c.emulator.stop();
  }
}

void main();
