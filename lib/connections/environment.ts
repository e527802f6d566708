// The connection Keydesk had before connections existed, kept working unchanged: ELEVENLABS_API_KEY
// with ELEVENLABS_BASE_URL (managed by the environment), or in demo mode the embedded emulator.
import "server-only";
import { env, isDemoMode, type Env } from "@/lib/env";
import { ensureDemoEmulator } from "@/lib/elevenlabs/demo";
import { credentialHint } from "./crypto";
import { normaliseBaseUrl } from "./base-url";
import type { Connection } from "./types";

export const ENVIRONMENT_CONNECTION_ID = "env-elevenlabs";
export const DEMO_CONNECTION_ID = "demo-elevenlabs";

export async function connectionFromEnvironment(e: Env = env()): Promise<Connection> {
  if (isDemoMode(e)) {
    const demo = await ensureDemoEmulator(e.KEYDESK_DEMO_EMULATOR_PORT);
    return {
      id: DEMO_CONNECTION_ID,
      name: "Demo workspace (emulator)",
      provider: "elevenlabs",
      baseUrl: normaliseBaseUrl(demo.url),
      source: "demo",
      credentialHint: credentialHint(demo.adminKey),
      createdAt: null,
      credential: async () => demo.adminKey,
    };
  }
  const key = e.ELEVENLABS_API_KEY!;
  return {
    id: ENVIRONMENT_CONNECTION_ID,
    name: "ElevenLabs (ELEVENLABS_API_KEY)",
    provider: "elevenlabs",
    baseUrl: normaliseBaseUrl(e.ELEVENLABS_BASE_URL),
    source: "environment",
    credentialHint: credentialHint(key),
    createdAt: null,
    credential: async () => key,
  };
}
