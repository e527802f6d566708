// Carries out a fault the FaultQueue handed out. What an outage looks like is the same for every
// provider; what its error body says is each provider's own (FaultStyle).
import type { ServerResponse } from "node:http";
import type { Fault } from "./faults";
import { sendJson, sendText } from "./http";
import type { LoggedRequest } from "./request-log";

export interface FaultStyle {
  /** The provider's error body for an injected status without a `body`. */
  defaultBody(status: number, requestId: string): unknown;
  /** A 200 body that starts like the provider's JSON and stops in the middle. */
  malformedText: string;
  /** How a string `body` goes out: as a JSON string, or as an HTML page (a proxy's 502). */
  stringBody: "json" | "html";
}

/** Keeps a hung response until the client gives up or the emulator closes. */
export type Hold = (res: ServerResponse) => void;

function sendStatusFault(
  fault: Extract<Fault, { kind: "status" }>,
  res: ServerResponse,
  requestId: string,
  entry: LoggedRequest,
  style: FaultStyle,
) {
  entry.status = fault.status;
  const headers: Record<string, string> = {};
  if (fault.status === 429 || fault.retryAfter !== undefined)
    headers["retry-after"] = String(fault.retryAfter ?? 1);
  if (typeof fault.body === "string" && style.stringBody === "html")
    return sendText(res, fault.status, fault.body, "text/html; charset=utf-8", requestId, headers);
  sendJson(res, fault.status, fault.body ?? style.defaultBody(fault.status, requestId), requestId, headers);
}

/** Applies a fault (before the request is handled, or after with `after`); true when it answered (or will not). */
export async function applyFault(
  fault: Fault,
  res: ServerResponse,
  requestId: string,
  entry: LoggedRequest,
  style: FaultStyle,
  hold: Hold,
): Promise<boolean> {
  switch (fault.kind) {
    case "latency": {
      // Wake early if the client gives up or close() destroys the socket, so a long latency
      // fault never keeps the process alive after the emulator is closed.
      const closed = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), fault.ms);
        res.once("close", () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      return closed;
    }
    case "status":
      sendStatusFault(fault, res, requestId, entry, style);
      return true;
    case "hang":
      hold(res);
      return true;
    case "drop":
      res.socket?.destroy();
      return true;
    case "malformed": {
      entry.status = 200;
      sendText(res, 200, style.malformedText, "application/json", requestId);
      return true;
    }
  }
}
