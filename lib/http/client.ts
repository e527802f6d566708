// The browser's side of Keydesk's JSON API: one fetch that turns the error envelope
// ({ error: { code, message, fields } }) into an ApiRequestError forms can put back on their fields.
// A 403 `reauth_required` opens the step-up dialog and, once the person has re-verified, repeats
// the request (lib/http/step-up-prompt.ts): every dangerous action gets that without asking for it.
import { saysWhenToRetry, waitInWords } from "./rate-limit";
import { askForStepUp } from "./step-up-prompt";

export interface ApiFieldError {
  path: (string | number)[];
  message: string;
}

export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    /** The HTTP status, or 0 when Keydesk could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
    /** The rest of the envelope: request ids to quote, when to retry, and the whole body (a 409 carries the current state). */
    readonly extra: {
      requestId?: string;
      upstreamRequestId?: string;
      retryAfterSeconds?: number;
      body?: unknown;
    } = {},
  ) {
    super(message);
  }
}

/** A 4xx: asking again will not help. */
export function isClientError(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status >= 400 && error.status < 500;
}

export async function apiJson<T>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; stepUpAsked?: boolean } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: {
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiRequestError(
      0,
      "network",
      "Keydesk could not be reached. Check your connection and try again.",
    );
  }
  const body = (await res.json().catch(() => null)) as {
    error?: {
      code?: string;
      message?: string;
      fields?: ApiFieldError[];
      requestId?: string;
      upstreamRequestId?: string;
      retryAfterSeconds?: number;
    };
  } | null;
  if (!res.ok) {
    const error = body?.error;
    if (
      res.status === 403 &&
      error?.code === "reauth_required" &&
      !init.stepUpAsked &&
      (await askForStepUp())
    ) {
      return apiJson<T>(url, { ...init, stepUpAsked: true });
    }
    throw new ApiRequestError(
      res.status,
      error?.code ?? "http_error",
      error?.message ?? `The request failed (HTTP ${res.status}).`,
      error?.fields ?? [],
      {
        requestId: error?.requestId,
        upstreamRequestId: error?.upstreamRequestId,
        retryAfterSeconds: error?.retryAfterSeconds,
        body,
      },
    );
  }
  return body as T;
}

/** Puts a server's field errors onto a form's fields; returns true if it placed any. */
export function applyFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  setError: (name: F, e: { type: string; message: string }) => void,
): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  let placed = false;
  for (const f of error.fields) {
    const name = f.path[0];
    if (typeof name === "string" && (fields as readonly string[]).includes(name)) {
      setError(name as F, { type: "server", message: f.message });
      placed = true;
    }
  }
  return placed;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** The message with what support will ask for: the request ids, and when to try again. */
export function errorDetails(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return errorMessage(error);
  const parts = [error.message];
  // Said once: a message that already says when (lib/http/rate-limit.ts) gets no second "Try again".
  const wait = error.extra.retryAfterSeconds;
  if (wait && !saysWhenToRetry(error.message)) parts.push(`Try again in ${waitInWords(wait)}.`);
  if (error.extra.upstreamRequestId) parts.push(`Upstream request id: ${error.extra.upstreamRequestId}.`);
  if (error.extra.requestId) parts.push(`Keydesk request id: ${error.extra.requestId}.`);
  return parts.join(" ");
}
