// How DocSpace's outages look: the error envelope, and a cut-off wrapped list. A string body goes
// out as HTML, as DocSpace's proxy sends its 502 and 503 pages.
import type { FaultStyle } from "../common/fault-responder";
import { secretMasker } from "../common/request-log";
import { errorEnvelope } from "./wire";

const MESSAGES: Record<number, string> = {
  429: "Too many requests. Please try again later.",
  500: "An internal server error occurred.",
  502: "Bad gateway.",
  503: "The service is temporarily unavailable.",
};

export const FAULT_STYLE: FaultStyle = {
  defaultBody: (status) =>
    errorEnvelope(status, MESSAGES[status] ?? (status >= 500 ? MESSAGES[500]! : "The request failed.")),
  malformedText: '{"response": [{"id": "3f2a',
  stringBody: "html",
};

/** DocSpace secrets (`sk-` + 48 hex) as the request log keeps them: `sk-…` and the last 4. */
export const maskSecrets = secretMasker(/(sk-)[0-9a-f]{48}/g);
