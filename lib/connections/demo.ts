// Demo mode's connections: four seeded emulators inside the Keydesk server, on loopback, each with
// its own random admin credential, so the console shows every provider with believable data:
//
//   demo-elevenlabs     the default workspace (lib/elevenlabs/demo.ts, shared with getUpstream)
//   demo-elevenlabs-eu  a second ElevenLabs workspace, standing in for an EU-residency one
//   demo-docspace       one ONLYOFFICE DocSpace portal
//   demo-voiceable      one Voiceable account
//
// Each starts the first time the connections are listed, all four at once. One that fails to start
// is left out with one log line and tried again on the next listing; the others carry on. Keydesk
// still talks to each over real HTTP with its credential, exactly as it talks to the real upstreams.
import "server-only";
import { randomBytes } from "node:crypto";
import { startDocspaceEmulator } from "@/lib/emulator/docspace/server";
import { startEmulator } from "@/lib/emulator/elevenlabs/server";
import { startVoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { DEMO_CONNECTION_ID } from "@/lib/elevenlabs/connection-id";
import { ensureDemoEmulator } from "@/lib/elevenlabs/demo";
import { env, type Env } from "@/lib/env";
import { exemptFromDrain } from "@/lib/http/drain";
import { logger } from "@/lib/log/logger";
import { normaliseBaseUrl } from "./base-url";
import { credentialHint } from "./crypto";
import type { ConnectionProvider } from "./providers";
import type { Connection } from "./types";

export const DEMO_EU_CONNECTION_ID = "demo-elevenlabs-eu";
export const DEMO_DOCSPACE_CONNECTION_ID = "demo-docspace";
export const DEMO_VOICEABLE_CONNECTION_ID = "demo-voiceable";

interface Running {
  /** The base URL a provider adapter takes (Voiceable's includes its /api/v1). */
  baseUrl: string;
  credential: string;
}

interface DemoEmulator {
  id: string;
  name: string;
  provider: ConnectionProvider;
  start(e: Env): Promise<Running>;
}

const LOOPBACK = "127.0.0.1";
// "demo_admin_" like the primary's, so the checks that no admin key reaches a page cover all four.
const adminKey = (label: string) => `demo_admin_${label}_${randomBytes(24).toString("hex")}`;

/** Starts an emulator that answers on `url`, keeps it out of the shutdown drain (Keydesk's own
 * requests in flight still call it), and says where it serves. */
function serving(name: string, url: string, port: number): void {
  exemptFromDrain(port);
  logger.info(`Keydesk demo mode: ${name} is serving on ${url}`);
}

const EMULATORS: DemoEmulator[] = [
  {
    id: DEMO_CONNECTION_ID,
    name: "Demo workspace (emulator)",
    provider: "elevenlabs",
    // The primary: the same emulator getUpstream() uses, on KEYDESK_DEMO_EMULATOR_PORT.
    start: async (e) => {
      const demo = await ensureDemoEmulator(e.KEYDESK_DEMO_EMULATOR_PORT);
      return { baseUrl: demo.url, credential: demo.adminKey };
    },
  },
  {
    id: DEMO_EU_CONNECTION_ID,
    name: "Demo EU workspace (emulator)",
    provider: "elevenlabs",
    start: async () => {
      const credential = adminKey("eu");
      const emulator = await startEmulator({
        adminKeys: [credential],
        seed: "demo-eu",
        port: 0,
        host: LOOPBACK,
      });
      serving("the EU-region ElevenLabs emulator", emulator.url, emulator.port);
      return { baseUrl: emulator.url, credential };
    },
  },
  {
    id: DEMO_DOCSPACE_CONNECTION_ID,
    name: "Demo DocSpace portal (emulator)",
    provider: "docspace",
    start: async () => {
      const credential = adminKey("docspace");
      const emulator = await startDocspaceEmulator({
        adminKeys: [credential],
        seed: "demo",
        port: 0,
        host: LOOPBACK,
      });
      serving("the DocSpace emulator", emulator.url, emulator.port);
      return { baseUrl: emulator.url, credential };
    },
  },
  {
    id: DEMO_VOICEABLE_CONNECTION_ID,
    name: "Demo Voiceable account (emulator)",
    provider: "voiceable",
    start: async () => {
      const credential = adminKey("voiceable");
      const emulator = await startVoiceableEmulator({
        adminKeys: [credential],
        seed: "demo",
        port: 0,
        host: LOOPBACK,
      });
      serving("the Voiceable emulator", emulator.url, emulator.port);
      return { baseUrl: `${emulator.url}/api/v1`, credential };
    },
  },
];

/** The ids of demo mode's connections, in the order they are listed. */
export const DEMO_CONNECTION_IDS = EMULATORS.map((d) => d.id);

// Kept on globalThis: Next.js may load this module more than once, and each emulator must start
// once per process. A start that failed is forgotten, so the next listing tries again.
const SLOT = Symbol.for("keydesk.demoConnections");
type Slot = { [SLOT]?: Map<string, Promise<Connection>> };

function started(demo: DemoEmulator, e: Env): Promise<Connection> {
  const slot = globalThis as Slot;
  const running = (slot[SLOT] ??= new Map());
  let connection = running.get(demo.id);
  if (!connection) {
    connection = demo.start(e).then(({ baseUrl, credential }) => ({
      id: demo.id,
      name: demo.name,
      provider: demo.provider,
      baseUrl: normaliseBaseUrl(baseUrl),
      source: "demo" as const,
      credentialHint: credentialHint(credential),
      createdAt: null,
      credential: async () => credential,
    }));
    running.set(demo.id, connection);
    connection.catch(() => running.delete(demo.id));
  }
  return connection;
}

/** Demo mode's connections that are running, started on first use, in parallel. */
export async function demoConnections(e: Env = env()): Promise<Connection[]> {
  const outcomes = await Promise.allSettled(EMULATORS.map((demo) => started(demo, e)));
  return outcomes.flatMap((outcome, i) => {
    if (outcome.status === "fulfilled") return [outcome.value];
    // The reason is the listener's (a port in use, say), never a credential: none is in it.
    const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
    logger.warn(`Keydesk demo mode: ${EMULATORS[i]!.name} did not start, so it is not listed: ${reason}`);
    return [];
  });
}

/** One of demo mode's connections, started on first use; throws when it cannot start. */
export function demoConnection(id: string, e: Env = env()): Promise<Connection> {
  const demo = EMULATORS.find((d) => d.id === id);
  if (!demo) throw new Error(`No demo connection has the id ${id}.`);
  return started(demo, e);
}
