// How Voiceable's outages look: its error body, and a cut-off key list. A string body goes out
// as HTML, as a proxy in front of a Rails app sends its error pages.
import type { FaultStyle } from "../common/fault-responder";
import { secretMasker } from "../common/request-log";
import { errorBody } from "./wire";

const MESSAGES: Record<number, string> = {
  429: "Rate limit exceeded. Please retry later.",
  500: "Internal server error",
  503: "Service temporarily unavailable",
};

export const FAULT_STYLE: FaultStyle = {
  defaultBody: (status) =>
    errorBody(
      status,
      MESSAGES[status] ?? (status >= 500 ? MESSAGES[500]! : "The request could not be processed."),
    ),
  malformedText: '{"status": {"code": 200, "message": "Success"}, "data": [{"id": 1, "key_ty',
  stringBody: "html",
};

/** Voiceable secrets as the request log keeps them: the prefix, `…` and the last 4 (`vk_priv_…3f2a`). */
export const maskSecrets = secretMasker(/(vk_(?:priv|pub)_)[0-9a-f]{48}/g);
