// One error envelope for every route handler:
// { "error": { "code", "message", "fields"?, "requestId", "upstreamRequestId"?, "retryAfterSeconds"?, "current"?, "outcome"? } }
// An upstream failure arrives here already turned into an ApiError (lib/elevenlabs/errors.ts
// fromUpstream, applied by lib/api/with-role.ts), so this module knows nothing of ElevenLabs.
import "server-only";
import { z } from "zod";
import { ConfigError } from "@/lib/env";
import { logServerError } from "@/lib/log/server-error";
import { ApiError, fromZod } from "./api-error";

/** The envelope for any thrown value. Unknown errors become a bare 500 with only the request id. */
export function errorResponse(error: unknown, requestId: string): Response {
  const api = ApiError.is(error)
    ? error
    : error instanceof z.ZodError
      ? fromZod(error, "body")
      : ConfigError.is(error)
        ? new ApiError("not_configured", error.message)
        : null;
  if (!api) {
    // Never the error as it is: a stack or a cause could carry an upstream body, and a database
    // error carries the statement's parameters (names, emails, IPs). See lib/log/server-error.ts.
    logServerError("unexpected error", error, requestId);
    return Response.json(
      { error: { code: "internal", message: "Something went wrong on Keydesk's side.", requestId } },
      { status: 500, headers: { "cache-control": "no-store" } },
    );
  }
  const { fields, upstreamRequestId, retryAfterSeconds, headers, current, outcome } = api.extra;
  return Response.json(
    {
      error: {
        code: api.code,
        message: api.message,
        ...(fields ? { fields } : {}),
        requestId,
        ...(upstreamRequestId ? { upstreamRequestId } : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(current !== undefined ? { current } : {}),
        ...(outcome !== undefined ? { outcome } : {}),
      },
    },
    { status: api.status, headers: { "cache-control": "no-store", ...headers } },
  );
}
