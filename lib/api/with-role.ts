// The one wrapper around every route handler: who is asking (session, checked here, never only in
// a proxy), whether their role may do this, whether a mutation comes from Keydesk's own origin,
// the params and body parsed with the shared zod schemas, and every error as the envelope.
// Before any schema, every string a request carries (path ids, query string, JSON body, field
// names too) is checked for text PostgreSQL cannot hold (lib/text/safe-text.ts), so no route can
// forget it; and a body is read up to a size limit only.
import "server-only";
import type { z } from "zod";
import type { ZodMiniType } from "zod/mini";
import { getPendingUser, getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/roles";
import { findBadText, type TextIssue } from "@/lib/text/safe-text";
import { assertEnrolled } from "@/lib/auth/two-factor-policy";
import { ApiError, fromZod } from "@/lib/http/api-error";
import { jsonResponse } from "@/lib/http/json-response";
import { handlerErrorResponse } from "./handler-error";
import { isMutation, isSameOrigin, requestInfo, type RequestInfo } from "@/lib/http/request-info";
import { recordHttpRequest, routePattern } from "@/lib/log/metrics";
import type { AppRouteHandlerRoutes } from "@/.next/types/routes";

export interface HandlerContext<Params, Body, Query = unknown> {
  req: Request;
  user: SessionUser;
  params: Params;
  body: Body;
  query: Query;
  info: RequestInfo;
}

/** A schema, classic zod or zod/mini (the shared forms' schemas are mini: lib/text/zod-mini.ts). */
type Schema = z.ZodType | ZodMiniType;

interface Spec<P extends Schema, B extends Schema, Q extends Schema> {
  params?: P;
  body?: B;
  /** The URL's search parameters, as an object of strings. */
  query?: Q;
  /** Answer even a person who must enrol in two-factor sign-in and has not yet (enrolment, their sessions). */
  allowUnenrolled?: boolean;
}

/**
 * The route handler paths whose params, as Next.js generates them (`next typegen`), the spec's params
 * schema takes. Exported from any other route, a handler fails .next/types/validator.ts, which hands
 * it that route's RouteContext (checked when that file is compiled: Next's strictRouteTypes option).
 */
type RoutesTaking<Params> = {
  [R in AppRouteHandlerRoutes]: Awaited<RouteContext<R>["params"]> extends Params ? R : never;
}[AppRouteHandlerRoutes];

/** Every body Keydesk takes is a few kilobytes at most; this leaves ample room and no more. */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new ApiError(
    "payload_too_large",
    "The request body is larger than 1 MiB; Keydesk does not take bodies that big.",
  );

/** The body as text, refused as soon as it passes MAX_BODY_BYTES (whatever Content-Length claims). */
export async function readLimited(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  const text = await readLimited(req);
  if (text.trim() === "")
    throw new ApiError("validation_failed", "body: a JSON body is required", {
      fields: [{ path: [], message: "Required" }],
    });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("validation_failed", "body: not valid JSON", {
      fields: [{ path: [], message: "Not valid JSON" }],
    });
  }
  refuseBadText(findBadText(value), "body");
  return value;
}

/** A 422 naming each field whose text cannot be accepted; the text itself is never echoed. */
function refuseBadText(issues: TextIssue[], where: "body" | "params" | "query"): void {
  const first = issues[0];
  if (!first) return;
  throw new ApiError(
    "validation_failed",
    `${first.path.length ? first.path.join(".") : where}: ${first.message}`,
    { fields: issues },
  );
}

/** The query string as [name] → value pairs, repeated names included, for findBadText. */
function queryText(url: URL): TextIssue[] {
  return [...url.searchParams].flatMap(([name, value]) => findBadText({ [name]: value }));
}

export function withRole<
  P extends Schema = z.ZodUnknown,
  B extends Schema = z.ZodUnknown,
  Q extends Schema = z.ZodUnknown,
>(
  roles: readonly Role[],
  spec: Spec<P, B, Q>,
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<B>, z.infer<Q>>) => Promise<Response | object>,
) {
  // The context is optional so that a handler can be called on its own (tests/bench). Its params are
  // untrusted text until the bad-text check and the schema have passed them.
  const answer = async (req: Request, route?: RouteContext<RoutesTaking<z.input<P>>>): Promise<Response> => {
    const info = requestInfo(req);
    try {
      if (isMutation(req.method) && !isSameOrigin(req)) {
        throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
      }
      const user = await getSessionUser(req.headers);
      if (!user) {
        // Signed in but waiting for a role (single sign-on): refused, not asked to sign in again.
        if (await getPendingUser(req.headers))
          throw new ApiError("forbidden", "An admin has not given you a role yet.");
        throw new ApiError("unauthenticated", "Sign in to continue.");
      }
      if (!roles.includes(user.role)) throw new ApiError("forbidden", "Your role does not allow this.");
      if (!spec.allowUnenrolled) assertEnrolled(user);

      const rawParams = route ? await route.params : {};
      refuseBadText(findBadText(rawParams), "params");
      const url = new URL(req.url);
      refuseBadText(queryText(url), "query");
      const params = spec.params
        ? spec.params.safeParse(rawParams)
        : { success: true as const, data: rawParams };
      if (!params.success) throw fromZod(params.error, "params");

      let query: unknown = undefined;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw fromZod(parsed.error, "query");
        query = parsed.data;
      }

      let body: unknown = undefined;
      if (spec.body) {
        const parsed = spec.body.safeParse(await readJson(req));
        if (!parsed.success) throw fromZod(parsed.error, "body");
        body = parsed.data;
      }
      const result = await handler({
        req,
        user,
        params: params.data as z.infer<P>,
        body: body as z.infer<B>,
        query: query as z.infer<Q>,
        info,
      });
      const response = result instanceof Response ? result : jsonResponse(result);
      response.headers.set("x-request-id", info.requestId);
      return response;
    } catch (error) {
      const response = handlerErrorResponse(error, info.requestId);
      response.headers.set("x-request-id", info.requestId);
      return response;
    }
  };
  // Every answer is counted and timed by its route's pattern (lib/log/metrics.ts), never its path.
  return async (req: Request, route?: RouteContext<RoutesTaking<z.input<P>>>): Promise<Response> => {
    const started = performance.now();
    const response = await answer(req, route);
    const params = route ? await Promise.resolve(route.params).catch(() => null) : null;
    const pattern = params ? routePattern(new URL(req.url).pathname, params) : "unmatched";
    recordHttpRequest(req.method, pattern, response.status, (performance.now() - started) / 1000);
    return response;
  };
}
