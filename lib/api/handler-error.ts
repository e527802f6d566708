// What a route handler answers when it throws: the one envelope (lib/http/error-response.ts), with
// an upstream failure first given Keydesk's code for it (a 502, 503 or 504 with the upstream's
// request id and Retry-After). The auth routes never call the upstream and use the envelope alone.
import "server-only";
import { fromUpstream, UpstreamError } from "@/lib/elevenlabs/errors";
import { errorResponse } from "@/lib/http/error-response";

export function handlerErrorResponse(error: unknown, requestId: string): Response {
  return errorResponse(UpstreamError.is(error) ? fromUpstream(error) : error, requestId);
}
