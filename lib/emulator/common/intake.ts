// How an emulator takes a request in before its own rules run: the body read (413 past the
// limit), parsed as JSON when it is, logged with secrets masked, and a queued fault applied. The
// ElevenLabs emulator parses as FastAPI does and keeps its own intake; DocSpace and Voiceable
// share this one.
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type FaultStyle, type Hold } from "./fault-responder";
import { actsAfter, type Fault, type FaultQueue } from "./faults";
import { decodeUtf8, readBody, sendJson, MAX_BODY_BYTES } from "./http";
import type { Masker, RequestLog, LoggedRequest } from "./request-log";

export type JsonBody = { kind: "none" } | { kind: "value"; value: unknown } | { kind: "invalid" };

export interface IntakeContext {
  log: RequestLog;
  faults: FaultQueue;
  mask: Masker;
  style: FaultStyle;
  hold: Hold;
  /** The provider's answer to a body over 1 MiB. */
  tooLarge: { body: unknown; headers: Record<string, string> };
}

export interface Intake {
  /** The log's entry; its status is filled in by whoever answers. */
  entry: LoggedRequest;
  json: JsonBody;
  /** A fault to apply once the request has taken effect (`after: true`). */
  after: Fault | undefined;
}

/** An empty body is none; one that is not UTF-8 or not JSON is invalid. */
export function parseJson(bytes: Buffer): JsonBody {
  if (bytes.length === 0) return { kind: "none" };
  const text = decodeUtf8(bytes);
  if (text === undefined) return { kind: "invalid" };
  try {
    return { kind: "value", value: JSON.parse(text) };
  } catch {
    return { kind: "invalid" };
  }
}

/** The request taken in, or null when it has been answered already (413, or a fault). */
export async function takeIn(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
  ctx: IntakeContext,
): Promise<Intake | null> {
  const method = req.method ?? "GET";
  const entry: LoggedRequest = {
    at: new Date().toISOString(),
    requestId,
    method,
    path,
    body: null,
    status: null,
    fault: null,
  };
  const read = await readBody(req, MAX_BODY_BYTES);
  if (!read.ok) {
    ctx.log.add({ ...entry, status: 413 });
    sendJson(res, 413, ctx.tooLarge.body, requestId, { ...ctx.tooLarge.headers, connection: "close" });
    return null;
  }
  const json = parseJson(read.bytes);
  // Mask before cutting: a secret cut in two by the 2,000-character limit would escape the mask.
  entry.body =
    json.kind === "value"
      ? json.value
      : json.kind === "none"
        ? null
        : (ctx.mask(read.bytes.toString("utf8")) as string).slice(0, 2000);
  ctx.log.add(entry);

  const fault = ctx.faults.take(method, path);
  if (fault) entry.fault = fault.kind;
  if (fault && !actsAfter(fault) && (await applyFault(fault, res, requestId, entry, ctx.style, ctx.hold)))
    return null;
  return { entry, json, after: fault && actsAfter(fault) ? fault : undefined };
}
