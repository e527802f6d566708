// Demo mode's upstream: the emulator, seeded with the demo workspace, started inside the Keydesk
// server on loopback the first time it is needed. Keydesk still talks to it over real HTTP with an
// admin key, exactly as it talks to ElevenLabs.
import "server-only";
import { randomBytes } from "node:crypto";
import { startEmulator } from "@/lib/emulator/elevenlabs/server";
import { exemptFromDrain } from "@/lib/http/drain";
import { logger } from "@/lib/log/logger";

export interface DemoUpstream {
  url: string;
  adminKey: string;
}

// Kept on globalThis: Next.js may load this module more than once (per bundle, per reload), and
// there must be one demo workspace per process.
const SLOT = Symbol.for("keydesk.demoEmulator");
type Slot = { [SLOT]?: Promise<DemoUpstream> };

export function ensureDemoEmulator(port: number): Promise<DemoUpstream> {
  const slot = globalThis as Slot;
  slot[SLOT] ??= (async () => {
    const adminKey = `demo_admin_${randomBytes(24).toString("hex")}`;
    const emulator = await startEmulator({ adminKeys: [adminKey], seed: "demo", port, host: "127.0.0.1" });
    // Keydesk's requests in flight still call it while Keydesk drains at shutdown.
    exemptFromDrain(Number(new URL(emulator.url).port));
    logger.info(`Keydesk demo mode: the seeded ElevenLabs emulator is serving on ${emulator.url}`);
    return { url: emulator.url, adminKey };
  })();
  slot[SLOT].catch(() => delete slot[SLOT]);
  return slot[SLOT];
}
