// The primary connection: the one Keydesk had before connections existed (ELEVENLABS_API_KEY, or
// demo mode's workspace). Its keys are read the way they always were (lib/keys, lib/inventory), so
// the pages that cover every connection read it that way and leave it out of readAllConnections.
import "server-only";
import { DEMO_CONNECTION_ID, ENVIRONMENT_CONNECTION_ID } from "./environment";
import type { ConnectionDeps } from "./list";
import type { Connection } from "./types";

export const PRIMARY_CONNECTION_IDS: readonly string[] = [ENVIRONMENT_CONNECTION_ID, DEMO_CONNECTION_ID];

export async function primaryConnection(deps: Pick<ConnectionDeps, "fixed">): Promise<Connection | null> {
  return (await deps.fixed()).find((c) => PRIMARY_CONNECTION_IDS.includes(c.id)) ?? null;
}
