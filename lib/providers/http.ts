// The small typed client DocSpace's and Voiceable's adapters talk through: one JSON call over
// fetch with a time limit, no redirects and no address the settings refuse (guardedFetch: the
// credential goes to the configured host and nowhere else), failures as Keydesk's UpstreamError (lib/elevenlabs/errors.ts) with the upstream's
// x-request-id, bounded retries for reads only (lib/elevenlabs/retry.ts) and every call counted.
// Writes are never retried: a retried create can make a second key.
import "server-only";
import { UpstreamError, parseRetryAfter, type UpstreamErrorKind } from "@/lib/elevenlabs/errors";
import { READ_RETRY_POLICY, withRetries, type RetryPolicy } from "@/lib/elevenlabs/retry";
import { recordUpstreamCall } from "@/lib/log/metrics";
import { rateLimitedMessage } from "@/lib/http/rate-limit";
import { guardedFetch } from "@/lib/http/upstream-address-fetch";
import { addressRefusedIn } from "@/lib/http/upstream-address-guard";

/** Reads retry on 429, 5xx, a failed connection and a timeout (twice by default, with backoff). */
export function readRetryPolicy(given?: Omit<RetryPolicy, "retryTimeouts">): RetryPolicy {
  return { ...(given ?? READ_RETRY_POLICY), retryTimeouts: true };
}

export interface JsonApi {
  /** The provider's name, for messages ("DocSpace"). */
  label: string;
  /** Prefix of metric operation names ("docspace"). */
  metricPrefix: string;
  baseUrl: string;
  /** The credential's headers. Never logged; never part of an error. */
  authHeaders: Record<string, string>;
  timeoutMs: number;
  retryPolicy: RetryPolicy;
  /** The upstream's own message in an error body, when it has one. */
  errorMessage(body: unknown): string | undefined;
  /** The largest answer read (its body); a larger one is `bad_response`. 32 MiB unless given. */
  maxBodyBytes?: number;
  /** For a refused value: the field the upstream's message is about, as Keydesk names it. */
  errorField?(message: string): (string | number)[] | undefined;
}

/** A field from the words an upstream message starts with (`Allowed origins contains…`). */
export function fieldByPrefix(prefixes: [string, (string | number)[]][]) {
  return (message: string) => prefixes.find(([prefix]) => message.startsWith(prefix))?.[1];
}

export interface JsonReply {
  status: number;
  body: unknown;
  requestId: string | undefined;
}

/** `path` is relative to the base URL, which keeps its own path (Voiceable's `/api/v1`). */
export function endpointUrl(baseUrl: string, path: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new UpstreamError({
      kind: "unavailable",
      message: "The connection's base URL is not a valid URL.",
    });
  }
  if (base.protocol !== "https:" && base.protocol !== "http:")
    throw new UpstreamError({
      kind: "unavailable",
      message: "The connection's base URL must start with https:// or http://.",
    });
  return new URL(path.replace(/^\/+/, ""), base);
}

function kindOf(
  label: string,
  status: number,
  said: string | undefined,
  retryAfterSeconds: number | undefined,
): [UpstreamErrorKind, string] {
  // The upstream's sentence ends the message: one line, bounded, without its own full stop.
  const clean = said
    ?.replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .slice(0, 300)
    .replace(/\.+$/, "");
  const because = clean ? `: ${clean}` : ` (HTTP ${status})`;
  if (status === 401)
    return ["bad_admin_key", `${label} refused Keydesk's credential: it is missing, invalid or revoked.`];
  if (status === 403)
    return ["missing_rights", `${label} says Keydesk's credential may not do this${because}.`];
  if (status === 404) return ["not_found", `${label} has no such key (it may have been deleted).`];
  if (status === 400 || status === 422) return ["validation", `${label} refused a value${because}.`];
  if (status === 429) return ["rate_limited", rateLimitedMessage(label, retryAfterSeconds)];
  if (status >= 500)
    return ["unavailable", `${label} is unavailable right now (HTTP ${status}). Try again shortly.`];
  return ["rejected", `${label} refused the request${because}.`];
}

function failed(api: JsonApi, status: number, body: unknown, headers: Headers): UpstreamError {
  const said = api.errorMessage(body);
  const retryAfterSeconds = status === 429 ? parseRetryAfter(headers.get("retry-after")) : undefined;
  const [kind, message] = kindOf(api.label, status, said, retryAfterSeconds);
  return new UpstreamError({
    kind,
    message,
    field: kind === "validation" && said ? api.errorField?.(said) : undefined,
    upstreamStatus: status,
    requestId: headers.get("x-request-id") ?? undefined,
    retryAfterSeconds,
  });
}

export const unreadable = (label: string, requestId?: string) =>
  new UpstreamError({
    kind: "bad_response",
    requestId,
    message: `${label} answered with a response Keydesk could not read.`,
  });

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Far above a 10,000-key list (a few MB), far below what would hurt the server. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The body as text, giving up (without reading the rest) once it passes `limit` bytes. */
async function readText(response: Response, limit: number, tooLarge: () => Error): Promise<string> {
  if (Number(response.headers.get("content-length") ?? "0") > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** One call, no retries. A 2xx whose body is not JSON, or too large, is `bad_response`. */
export async function callJson(
  api: JsonApi,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonReply> {
  const url = endpointUrl(api.baseUrl, path);
  const headers: Record<string, string> = { accept: "application/json", ...api.authHeaders };
  if (body !== undefined) headers["content-type"] = "application/json";
  let status: number;
  let text: string;
  let responseHeaders: Headers;
  try {
    // One time limit for the answer and its body alike.
    const response = await guardedFetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "error",
      signal: AbortSignal.timeout(api.timeoutMs),
    });
    status = response.status;
    responseHeaders = response.headers;
    const requestId = response.headers.get("x-request-id") ?? undefined;
    text = await readText(response, api.maxBodyBytes ?? MAX_BODY_BYTES, () =>
      unreadable(api.label, requestId),
    );
  } catch (error) {
    if (UpstreamError.is(error)) throw error;
    // Nothing was sent; the live check answers it as a refused base URL (a 422 on that field).
    const refused = addressRefusedIn(error);
    if (refused)
      throw new UpstreamError({
        kind: "unavailable",
        message: refused.message,
        field: ["baseUrl"],
        addressRefused: true,
      });
    if (isTimeout(error))
      throw new UpstreamError({ kind: "timeout", message: `${api.label} did not answer in time.` });
    throw new UpstreamError({
      kind: "unavailable",
      message: `Keydesk could not reach ${api.label} (the connection failed). Try again shortly.`,
    });
  }
  const requestId = responseHeaders.get("x-request-id") ?? undefined;
  if (status < 200 || status >= 300) throw failed(api, status, parseBody(text), responseHeaders);
  try {
    return { status, body: text.length === 0 ? undefined : JSON.parse(text), requestId };
  } catch {
    throw unreadable(api.label, requestId);
  }
}

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

const asUpstreamError = (error: unknown): UpstreamError => {
  if (UpstreamError.is(error)) return error;
  throw error;
};

/** A read: retried within the policy, then reshaped (a shape error is `bad_response`, never retried). */
export function read<T>(
  api: JsonApi,
  operation: string,
  path: string,
  reshape: (reply: JsonReply) => T,
): Promise<T> {
  return counted(`${api.metricPrefix}_${operation}`, async () => {
    const reply = await withRetries(() => callJson(api, "GET", path), asUpstreamError, api.retryPolicy);
    return reshapeOrUnreadable(api, reply, reshape);
  });
}

/** A write: exactly one call, whatever happens. */
export function write<T>(
  api: JsonApi,
  operation: string,
  method: "POST" | "PUT" | "DELETE",
  path: string,
  body: unknown,
  reshape: (reply: JsonReply) => T,
): Promise<T> {
  return counted(`${api.metricPrefix}_${operation}`, async () => {
    const reply = await callJson(api, method, path, body);
    return reshapeOrUnreadable(api, reply, reshape);
  });
}

/** Thrown by reshapers for an answer of the wrong shape (where, for the log; never values). */
export class ShapeError extends Error {
  override name = "ShapeError";
}

function reshapeOrUnreadable<T>(api: JsonApi, reply: JsonReply, reshape: (reply: JsonReply) => T): T {
  try {
    return reshape(reply);
  } catch (error) {
    if (error instanceof ShapeError) throw unreadable(api.label, reply.requestId);
    throw error;
  }
}
