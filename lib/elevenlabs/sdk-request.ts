// The official SDK's own request (ElevenLabsClient.fetch: its headers, base URL, time limit and
// logging, through our fetch) without the SDK's API surface. `new ElevenLabsClient` loads every
// resource client and every schema of the SDK: about 5,000 modules, 100 MiB of memory and a second
// or more of CPU, for the four service-account writes Keydesk makes. The list reads need only the
// SDK's core and its option defaults (about 90 modules), so they use those, and the whole client
// is loaded at the first write (./client.ts).
import "server-only";
import { normalizeClientOptions, type BaseClientOptions } from "@elevenlabs/elevenlabs-js/BaseClient";
import { makePassthroughRequest } from "@elevenlabs/elevenlabs-js/core";

export type SdkRequest = (path: string, init: RequestInit) => Promise<Response>;

/** What ElevenLabsClient#fetch does, with the same options normalised the same way. */
export function sdkRequest(options: BaseClientOptions): SdkRequest {
  const normalized = normalizeClientOptions(options);
  return (path, init) =>
    makePassthroughRequest(path, init, {
      baseUrl: normalized.baseUrl ?? normalized.environment,
      headers: normalized.headers,
      timeoutInSeconds: normalized.timeoutInSeconds,
      maxRetries: normalized.maxRetries,
      fetch: normalized.fetch,
      logging: normalized.logging,
    });
}
