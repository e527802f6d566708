// The connection Keydesk had before connections existed, kept working unchanged: ELEVENLABS_API_KEY
// with ELEVENLABS_BASE_URL (managed by the environment), or in demo mode the embedded emulator's
// default workspace (demo.ts starts it with demo mode's three other connections).
import "server-only";
import { env, isDemoMode, type Env } from "@/lib/env";
import { credentialHint } from "./crypto";
import { normaliseBaseUrl } from "./base-url";
import {
  DEMO_CONNECTION_ID,
  ENVIRONMENT_CONNECTION_ID,
  primaryConnectionId,
} from "@/lib/elevenlabs/connection-id";
import { demoConnection } from "./demo";
import type { Connection } from "./types";

// The primary connection's ids live beside the upstream it names (lib/elevenlabs/connection-id.ts).
export { DEMO_CONNECTION_ID, ENVIRONMENT_CONNECTION_ID, primaryConnectionId };

export async function connectionFromEnvironment(e: Env = env()): Promise<Connection> {
  if (isDemoMode(e)) return demoConnection(DEMO_CONNECTION_ID, e);
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
