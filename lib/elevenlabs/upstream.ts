// The upstream this Keydesk process talks to: ElevenLabs with the configured admin key, or in
// demo mode the embedded emulator.
import "server-only";
import { env, isDemoMode } from "@/lib/env";
import { ensureDemoEmulator } from "./demo";
import { createUpstream, type Upstream } from "./client";

const SLOT = Symbol.for("keydesk.upstream");
type Slot = { [SLOT]?: Promise<Upstream> };

async function connect(): Promise<Upstream> {
  const e = env();
  if (isDemoMode(e)) {
    const demo = await ensureDemoEmulator(e.KEYDESK_DEMO_EMULATOR_PORT);
    return createUpstream({ baseUrl: demo.url, apiKey: demo.adminKey, timeoutMs: e.ELEVENLABS_TIMEOUT_MS });
  }
  return createUpstream({
    baseUrl: e.ELEVENLABS_BASE_URL,
    apiKey: e.ELEVENLABS_API_KEY!,
    timeoutMs: e.ELEVENLABS_TIMEOUT_MS,
  });
}

export function getUpstream(): Promise<Upstream> {
  const slot = globalThis as Slot;
  slot[SLOT] ??= connect();
  slot[SLOT].catch(() => delete slot[SLOT]);
  return slot[SLOT];
}
