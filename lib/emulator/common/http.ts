// HTTP plumbing every emulator shares: request ids, bounded body reading, percent-decoded paths
// and JSON answers that carry their request id.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";

export const MAX_BODY_BYTES = 1024 * 1024;

export function newRequestId(): string {
  return randomBytes(16).toString("hex");
}

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

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text, or undefined when it is not UTF-8. */
export function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Web frameworks match routes against the percent-decoded path; bad escapes stay as they are. */
export function decodePath(rawPath: string): string {
  return rawPath.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** JSON answers as the DocSpace and Voiceable servers label them. */
export const JSON_UTF8 = { "content-type": "application/json; charset=utf-8" };

/** A Content-Type's media type, without parameters, in lower case ("" when there is none). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** `application/json` or `application/<anything>+json`. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const media = mediaTypeOf(contentType);
  return media === "application/json" || /^application\/[^/]*\+json$/.test(media);
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

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.from(text);
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": String(payload.length),
    "x-request-id": requestId,
    ...headers,
  });
  res.end(payload);
}
