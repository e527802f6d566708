// POST /api/leaks/generic: the same flow for any other scanner, signed with HMAC-SHA256 under the
// secret the admin sets (KEYDESK_LEAK_WEBHOOK_SECRET; see hmac-signature.ts for the header). With no
// secret set the endpoint does not exist (404), as /api/metrics without its token.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import type { EndpointSpec } from "./endpoint";
import { checkHmacSignature, SIGNATURE_HEADER } from "./hmac-signature";
import { genericReportSchema } from "./schema";

const WHY = {
  missing: "the Keydesk-Signature header is required",
  malformed: "the Keydesk-Signature header is not t=<unix seconds>,v1=<hex HMAC-SHA256>",
  stale: "its time is more than five minutes from now",
  bad_signature: "the signature does not match",
} as const;

export function genericVerifier(secret: string | undefined): EndpointSpec["verify"] {
  return async (req, body) => {
    if (!secret) throw new ApiError("not_found", "No leak scanner is set up on this Keydesk.");
    const check = checkHmacSignature(secret, req.headers.get(SIGNATURE_HEADER), body);
    if (check !== "ok") throw new ApiError("unauthenticated", `This message is not signed: ${WHY[check]}.`);
  };
}

export function genericEndpoint(
  secret: string | undefined,
  rest: Pick<EndpointSpec, "db" | "deps">,
): EndpointSpec {
  return { scanner: "generic", verify: genericVerifier(secret), schema: genericReportSchema, ...rest };
}
