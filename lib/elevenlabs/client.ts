// The upstream: every call Keydesk makes to ElevenLabs goes through here, through the official SDK.
// It reshapes wire models into domain types, maps failures to UpstreamError, times every call
// out, retries reads (never writes) and never follows redirects (see fetch.ts).
import "server-only";
import {
  ElevenLabsClient,
  ElevenLabsError,
  ElevenLabsTimeoutError,
  type ElevenLabs,
} from "@elevenlabs/elevenlabs-js";
import type { ApiKey, CreatedKey, KeyChanges, NewKeyInput, ServiceAccount } from "./types";
import { toUpstreamError, UpstreamError } from "./errors";
import { upstreamFetch } from "./fetch";
import { probeUpstream } from "./probe";
import { readKeyList, readServiceAccountList, WireShapeError } from "./reshape";
import { READ_RETRY_POLICY, withRetries, type RetryPolicy } from "./retry";
import { singleFlight } from "./single-flight";
import { recordUpstreamCall } from "@/lib/log/metrics";

export interface UpstreamConfig {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  retryPolicy?: RetryPolicy;
}

export interface Upstream {
  /** `startNew`: do not join a read already in flight (single-flight.ts). */
  listServiceAccounts(options?: { startNew?: boolean }): Promise<ServiceAccount[]>;
  createServiceAccount(name: string): Promise<{ id: string }>;
  listKeys(serviceAccountId: string): Promise<ApiKey[]>;
  /** Reads the key list and picks one (the API has no "get one key"). */
  getKey(serviceAccountId: string, keyId: string): Promise<ApiKey>;
  createKey(serviceAccountId: string, input: NewKeyInput): Promise<CreatedKey>;
  updateKey(serviceAccountId: string, keyId: string, changes: KeyChanges): Promise<void>;
  deleteKey(serviceAccountId: string, keyId: string): Promise<void>;
  /** For readiness: resolves when one authenticated read answers 2xx within `timeoutMs` (no retry). */
  probe(timeoutMs: number): Promise<void>;
  /** Moves whenever a write through this upstream begins or ends (single-flight.ts `epoch`). */
  writeEpoch(): number;
}

type UpdateRequest =
  ElevenLabs.serviceAccounts.BodyEditServiceAccountApiKeyV1ServiceAccountsServiceAccountUserIdApiKeysApiKeyIdPatch;

/** Only the fields being changed go upstream; null becomes the API's "clear". */
export function toUpdateRequest(changes: KeyChanges): UpdateRequest {
  const request: UpdateRequest = {};
  if (changes.name !== undefined) request.name = changes.name;
  if (changes.enabled !== undefined) request.isEnabled = changes.enabled;
  if (changes.permissions !== undefined) request.permissions = changes.permissions;
  if (changes.characterLimit !== undefined) request.characterLimit = changes.characterLimit ?? "clear";
  if (changes.allowedIps !== undefined) request.allowedIps = changes.allowedIps ?? "clear";
  return request;
}

const unreadable = () =>
  new UpstreamError({
    kind: "bad_response",
    message: "ElevenLabs answered with a response Keydesk could not read.",
  });

/** A failed answer's body as the SDK would keep it: JSON when it says so, else its text. */
async function errorBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (!/[/+]json\b/i.test(type) || text.length === 0) return text.length > 0 ? text : undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A list read through the SDK's own request (its base URL, admin key header, time limit, no retries
 * of its own, our fetch), without its runtime schema: the answer is checked and reshaped in one
 * pass by reshape.ts instead. Failures become what the SDK's generated methods throw, so
 * toUpstreamError and the retries treat them exactly alike.
 */
async function readList<T>(sdk: ElevenLabsClient, path: string, reshape: (body: unknown) => T): Promise<T> {
  let response: Response;
  try {
    response = await sdk.fetch(path, { method: "GET", headers: { accept: "application/json" } });
  } catch (error) {
    // fetch.ts turns the SDK's time limit into an AbortError.
    if (error instanceof Error && error.name === "AbortError")
      throw new ElevenLabsTimeoutError(`Timeout exceeded when calling GET /${path}.`, { cause: error });
    throw new ElevenLabsError({
      message: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
  if (response.status >= 400)
    throw new ElevenLabsError({
      statusCode: response.status,
      body: await errorBody(response),
      rawResponse: response,
    });
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    throw unreadable();
  }
  try {
    return reshape(body);
  } catch (error) {
    if (error instanceof WireShapeError) throw unreadable();
    throw error;
  }
}

/** Times one call (its retries included) and counts it by operation and outcome (lib/log/metrics.ts). */
async function counted<T>(operation: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const value = await call();
    recordUpstreamCall(operation, "ok", seconds());
    return value;
  } catch (error) {
    recordUpstreamCall(operation, UpstreamError.is(error) ? error.kind : "unknown", seconds());
    throw error;
  }
}

export function createUpstream(config: UpstreamConfig): Upstream {
  const sdk = new ElevenLabsClient({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    timeoutInSeconds: config.timeoutMs / 1000,
    // Retries are ours: reads only, bounded, honouring Retry-After (the SDK would retry creates).
    maxRetries: 0,
    fetch: upstreamFetch,
  });
  const policy = config.retryPolicy ?? READ_RETRY_POLICY;

  // Identical reads in flight are shared, results included (callers copy before they change
  // anything); only the call that reaches the upstream is counted.
  const flight = singleFlight();
  const read = <T>(
    operation: string,
    flightKey: string,
    call: () => Promise<T>,
    options?: { startNew?: boolean },
  ) =>
    flight.read(
      flightKey,
      () => counted(operation, () => withRetries(call, toUpstreamError, policy)),
      options,
    );
  const write = <T>(operation: string, call: () => Promise<T>): Promise<T> =>
    flight.write(() =>
      counted(operation, async () => {
        try {
          return await call();
        } catch (error) {
          throw toUpstreamError(error);
        }
      }),
    );

  const listKeys = (serviceAccountId: string) =>
    read("listKeys", `keys:${serviceAccountId}`, () =>
      readList(sdk, `v1/service-accounts/${encodeURIComponent(serviceAccountId)}/api-keys`, readKeyList),
    );

  return {
    listServiceAccounts: (options) =>
      read(
        "listServiceAccounts",
        "service-accounts",
        () => readList(sdk, "v1/service-accounts", readServiceAccountList),
        options,
      ),

    createServiceAccount: (name) =>
      write("createServiceAccount", async () => ({
        id: (await sdk.serviceAccounts.create({ name })).serviceAccountUserId,
      })),

    listKeys,

    async getKey(serviceAccountId, keyId) {
      const key = (await listKeys(serviceAccountId)).find((k) => k.id === keyId);
      if (!key)
        throw new UpstreamError({
          kind: "not_found",
          message: "ElevenLabs has no such key (it may have been deleted).",
        });
      return key;
    },

    createKey: (serviceAccountId, input) =>
      write("createKey", async () => {
        const created = await sdk.serviceAccounts.apiKeys.create(serviceAccountId, {
          name: input.name,
          permissions: input.permissions,
          ...(input.characterLimit != null ? { characterLimit: input.characterLimit } : {}),
          ...(input.allowedIps != null ? { allowedIps: input.allowedIps } : {}),
        });
        return { keyId: created.keyId, secret: created.xiApiKey };
      }),

    updateKey: (serviceAccountId, keyId, changes) =>
      write("updateKey", async () => {
        await sdk.serviceAccounts.apiKeys.update(serviceAccountId, keyId, toUpdateRequest(changes));
      }),

    deleteKey: (serviceAccountId, keyId) =>
      write("deleteKey", async () => {
        await sdk.serviceAccounts.apiKeys.delete(serviceAccountId, keyId);
      }),

    probe: (timeoutMs) => probeUpstream({ baseUrl: config.baseUrl, apiKey: config.apiKey }, timeoutMs),

    writeEpoch: flight.epoch,
  };
}
