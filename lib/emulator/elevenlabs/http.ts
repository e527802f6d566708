// How a FastAPI server decides whether a body is JSON, as the emulator imitates it. Reading bodies
// and sending answers is every emulator's (../common/http.ts).
import { isJsonMediaType, mediaTypeOf } from "../common/http";
import type { ValidationIssue } from "./errors";

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
  if (mediaTypeOf(contentType) !== "" && !isJsonMediaType(contentType)) return { kind: "value", value: text };
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
