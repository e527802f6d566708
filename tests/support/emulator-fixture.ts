// The e2e tests' handle on the controlled emulator: its /__emulator/ routes and its admin API.
import { test as base } from "@playwright/test";
import type { Fault } from "@/lib/emulator/elevenlabs/faults";
import type { LoggedRequest } from "@/lib/emulator/elevenlabs/request-log";
import type { Seed } from "@/lib/emulator/elevenlabs/seed";
import { E2E } from "./e2e-servers";

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${E2E.emulatorUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const emulator = {
  reset: (seed: Seed = "demo") => call("POST", "/__emulator/reset", { seed }),
  inject: (method: string, path: string, fault: Fault, count = 1) =>
    call("POST", "/__emulator/faults", { method, path, count, fault }),
  clearFaults: () => call("DELETE", "/__emulator/faults"),
  requests: async () => (await call<{ requests: LoggedRequest[] }>("GET", "/__emulator/requests")).requests,
  /** The workspace admin API, as ElevenLabs' own settings page would use it (not through Keydesk). */
  admin: <T>(method: string, path: string, body?: unknown) =>
    call<T>(method, path, body, { "xi-api-key": E2E.adminKey }),
};

/** Every console test starts from the demo workspace with no faults and an empty request log. */
export const test = base.extend<{ resetEmulator: void }>({
  resetEmulator: [
    async ({}, use) => {
      await emulator.reset("demo");
      await use();
    },
    { auto: true },
  ],
});

export { expect } from "@playwright/test";
