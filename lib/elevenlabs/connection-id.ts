// Which connection this process's upstream (upstream.ts) is: the primary connection, the ElevenLabs
// workspace of ELEVENLABS_API_KEY (`env-elevenlabs`), or in demo mode the embedded emulator's
// default workspace (`demo-elevenlabs`). The ids are in lib/connection-ids.ts (the browser needs
// them); the choice is here, beside the upstream, so that everything that acts on it (key writes and
// their audit rows, the outside-change check, the access check) can name it without reaching up
// into lib/connections, which lists it with the other connections.
import { DEMO_CONNECTION_ID, ENVIRONMENT_CONNECTION_ID } from "@/lib/connection-ids";
import { env, isDemoMode, type Env } from "@/lib/env";

export { DEMO_CONNECTION_ID, ENVIRONMENT_CONNECTION_ID };

/** The id of the connection getUpstream() talks to. */
export function primaryConnectionId(e: Env = env()): string {
  return isDemoMode(e) ? DEMO_CONNECTION_ID : ENVIRONMENT_CONNECTION_ID;
}
