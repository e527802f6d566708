// The primary connection's two ids (the ElevenLabs workspace of ELEVENLABS_API_KEY, or demo mode's
// embedded default workspace). Here, at the bottom layer and with no imports, because the browser
// needs them too: a key of the primary connection has its page under /service-accounts (lib/keys
// writes it), every other key under /connections (lib/connection-keys).
export const ENVIRONMENT_CONNECTION_ID = "env-elevenlabs";
export const DEMO_CONNECTION_ID = "demo-elevenlabs";

export const PRIMARY_CONNECTION_IDS: readonly string[] = [ENVIRONMENT_CONNECTION_ID, DEMO_CONNECTION_ID];

/** Is this the primary connection (either id)? */
export function isPrimaryConnectionId(connectionId: string): boolean {
  return PRIMARY_CONNECTION_IDS.includes(connectionId);
}
