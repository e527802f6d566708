// How ElevenLabs' outages look (error bodies, a cut-off JSON body). The fault machinery itself is
// every emulator's (../common/faults.ts); tests keep importing the Fault type from here.
import type { FaultStyle } from "../common/fault-responder";

export type { Fault, FaultRule } from "../common/faults";

export function defaultFaultBody(status: number, requestId: string): unknown {
  const [code, type, message] =
    status === 429
      ? ["rate_limit_exceeded", "rate_limit_error", "Too many requests. Please slow down."]
      : status === 503
        ? ["service_unavailable", "service_unavailable", "The service is temporarily unavailable."]
        : status >= 500
          ? ["internal_error", "internal_error", "An internal error occurred."]
          : ["invalid_request", "invalid_request", "The request could not be processed."];
  return { detail: { status: code, code, type, message, request_id: requestId } };
}

export const FAULT_STYLE: FaultStyle = {
  defaultBody: defaultFaultBody,
  malformedText: '{"service-accounts": [{"service_account_user_id": "sa_tr',
  // A string body has always gone out as a JSON string here; tests rely on it.
  stringBody: "json",
};
