// One leak endpoint, from a request to its answer: called by an outside system, so no session and
// no same-origin check (the signature is the proof; these routes do not go through withRole). In
// order, each step refusing before the next and changing nothing: a rate limit per address (429),
// a JSON content type (415), the body up to 1 MiB (413), the signature over the raw bytes (401; 503
// when GitHub's keys cannot be read), the body parsed (422), a message seen before (409). Only then
// are the tokens handled. Refusals are logged (the reason and the address, never the body) and not
// audited: nothing was attempted, and a flood of forged messages must not grow the audit log.
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Db } from "@/lib/db/database";
import { ApiError, fromZod } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { requestInfo, type RequestInfo } from "@/lib/http/request-info";
import { logger } from "@/lib/log/logger";
import { findBadText } from "@/lib/text/safe-text";
import { scannerContext } from "./actor";
import { handleReport, type LeakDeps } from "./handle-report";
import { countCall } from "./rate-limit";
import { readRawBody } from "./raw-body";
import { forgetMessage, messageHash, takeMessage } from "./seen-messages";
import type { ReportedToken, Scanner, TokenResult } from "./types";

export interface EndpointSpec {
  scanner: Scanner;
  /** Throws an ApiError (401, or 503/404 when not set up) unless `body` is signed as this scanner signs. */
  verify: (req: Request, body: Buffer) => Promise<void>;
  schema: z.ZodType<ReportedToken[]>;
  /** The database (the rate limit, the seen messages). */
  db: () => Promise<Db>;
  /** The upstreams besides, opened only for a message that passed every check. */
  deps: () => Promise<LeakDeps>;
}

/**
 * One entry per token, in the order sent: GitHub's feedback shape (the token's SHA-256, never the
 * token; `label` true_positive when it is a key Keydesk manages, false_positive when it is none of
 * them, absent when Keydesk could not tell) and Keydesk's `outcome`.
 */
function answerEntry(reported: ReportedToken, result: TokenResult) {
  const label = ["possible_match", "search_failed"].includes(result.outcome)
    ? {}
    : { label: result.outcome === "no_match" ? "false_positive" : "true_positive" };
  return {
    token_hash: createHash("sha256").update(reported.token).digest("hex"),
    token_type: reported.type,
    ...label,
    outcome: result.outcome,
    ...(result.candidates !== undefined ? { candidates: result.candidates } : {}),
  };
}

function refused(scanner: Scanner, info: RequestInfo, error: unknown): void {
  if (!ApiError.is(error)) return;
  logger.warn(
    { requestId: info.requestId, scanner, ip: info.ip, refusal: error.code },
    "leak report refused",
  );
}

async function parse(spec: EndpointSpec, body: Buffer): Promise<ReportedToken[]> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new ApiError("validation_failed", "body: not valid JSON", {
      fields: [{ path: [], message: "Not valid JSON" }],
    });
  }
  const bad = findBadText(value);
  if (bad.length > 0) throw new ApiError("validation_failed", `body: ${bad[0]!.message}`, { fields: bad });
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) throw fromZod(parsed.error, "body");
  return parsed.data;
}

export async function answerLeakReport(spec: EndpointSpec, req: Request): Promise<Response> {
  const info = requestInfo(req);
  try {
    const db = await spec.db();
    const wait = await countCall(db, `${spec.scanner}:${info.ip ?? "unknown"}`);
    if (wait !== null)
      throw new ApiError(
        "rate_limited",
        `Too many leak reports from this address. Try again in ${wait} seconds.`,
        {
          retryAfterSeconds: wait,
          headers: { "retry-after": String(wait) },
        },
      );
    if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? ""))
      throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
    const body = await readRawBody(req);
    await spec.verify(req, body);
    const tokens = await parse(spec, body);
    const hash = messageHash(spec.scanner, body);
    if (!(await takeMessage(db, spec.scanner, hash)))
      throw new ApiError("conflict", "This message was received before; it is not taken twice.");
    let results: TokenResult[];
    try {
      const deps = await spec.deps();
      results = await handleReport(deps, scannerContext(spec.scanner, info), {
        scanner: spec.scanner,
        messageHash: hash,
        tokens,
      });
    } catch (error) {
      // Handled as a whole or not at all: the scanner's retry must be taken, not refused as a replay.
      await forgetMessage(db, hash).catch(() => undefined);
      throw error;
    }
    return Response.json(
      tokens.map((t, i) => answerEntry(t, results[i]!)),
      { headers: { "cache-control": "no-store", "x-request-id": info.requestId } },
    );
  } catch (error) {
    refused(spec.scanner, info, error);
    const response = errorResponse(error, info.requestId);
    response.headers.set("x-request-id", info.requestId);
    return response;
  }
}
