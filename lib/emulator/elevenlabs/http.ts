// The HTTP plumbing of a FastAPI server as the emulator imitates it: bounded body reading, the
// way FastAPI decides whether a body is JSON, and JSON responses with a request id.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ValidationIssue } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

/** Reads the body, giving up (without buffering the rest) once it passes the limit. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!settled) resolve({ ok: true, bytes: Buffer.concat(chunks) });
    });
    req.on("error", (error) => {
      if (!settled) reject(error);
    });
  });
}

export type ParsedBody =
  | { kind: "none" }
  | { kind: "value"; value: unknown }
  | { kind: "invalid-json"; issue: ValidationIssue }
  | { kind: "undecodable" };

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * FastAPI parses the body as JSON when there is no content type or a JSON one (`application/json`,
 * `application/*+json`); any other content type hands the raw text to validation, which then fails
 * for an object body. An empty body is no body.
 */
export function parseBody(contentType: string | undefined, bytes: Buffer): ParsedBody {
  if (bytes.length === 0) return { kind: "none" };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { kind: "undecodable" };
  }
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const isJson =
    mediaType === "" || mediaType === "application/json" || /^application\/[^/]*\+json$/.test(mediaType);
  if (!isJson) return { kind: "value", value: text };
  try {
    return { kind: "value", value: JSON.parse(text) };
  } catch (error) {
    // Python reports the character where decoding failed; V8 says "at position N", or nothing when
    // the text simply ended early (then it failed at the end).
    const reported = /position (\d+)/.exec(String(error))?.[1];
    const position = reported ?? (/end of JSON input/.test(String(error)) ? String(text.length) : undefined);
    return {
      kind: "invalid-json",
      issue: {
        type: "json_invalid",
        loc: ["body", position === undefined ? 0 : Number(position)],
        msg: "JSON decode error",
        input: {},
        ctx: { error: "Expecting value" },
      },
    };
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(payload.length),
    "x-request-id": requestId,
    ...headers,
  });
  res.end(headOnly ? undefined : payload);
}
