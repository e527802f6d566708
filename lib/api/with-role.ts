// The one wrapper around every route handler: who is asking (session, checked here, never only in
// a proxy), whether their role may do this, whether a mutation comes from Keydesk's own origin,
// the params and body parsed with the shared zod schemas, and every error as the envelope.
import "server-only";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { assertEnrolled } from "@/lib/auth/two-factor-policy";
import { ApiError, errorResponse, fromZod } from "./errors";
import { isMutation, isSameOrigin, requestInfo, type RequestInfo } from "./request-info";

export interface HandlerContext<Params, Body, Query = unknown> {
  req: Request;
  user: SessionUser;
  params: Params;
  body: Body;
  query: Query;
  info: RequestInfo;
}

interface Spec<P extends z.ZodType, B extends z.ZodType, Q extends z.ZodType> {
  params?: P;
  body?: B;
  /** The URL's search parameters, as an object of strings. */
  query?: Q;
  /** Answer even a person who must enrol in two-factor sign-in and has not yet (enrolment, their sessions). */
  allowUnenrolled?: boolean;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  const text = await req.text();
  if (text.trim() === "") throw new ApiError("validation_failed", "body: a JSON body is required", { fields: [{ path: [], message: "Required" }] });
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("validation_failed", "body: not valid JSON", { fields: [{ path: [], message: "Not valid JSON" }] });
  }
}

export function withRole<P extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  roles: readonly Role[],
  spec: Spec<P, B, Q>,
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<B>, z.infer<Q>>) => Promise<Response | object>,
) {
  return async (req: Request, route?: RouteContext): Promise<Response> => {
    const info = requestInfo(req);
    try {
      if (isMutation(req.method) && !isSameOrigin(req)) {
        throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
      }
      const user = await getSessionUser(req.headers);
      if (!user) throw new ApiError("unauthenticated", "Sign in to continue.");
      if (!roles.includes(user.role)) throw new ApiError("forbidden", "Your role does not allow this.");
      if (!spec.allowUnenrolled) assertEnrolled(user);

      const rawParams = route ? await route.params : {};
      const params = spec.params ? spec.params.safeParse(rawParams) : { success: true as const, data: rawParams };
      if (!params.success) throw fromZod(params.error, "params");

      let query: unknown = undefined;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
        if (!parsed.success) throw fromZod(parsed.error, "query");
        query = parsed.data;
      }

      let body: unknown = undefined;
      if (spec.body) {
        const parsed = spec.body.safeParse(await readJson(req));
        if (!parsed.success) throw fromZod(parsed.error, "body");
        body = parsed.data;
      }
      const result = await handler({ req, user, params: params.data as z.infer<P>, body: body as z.infer<B>, query: query as z.infer<Q>, info });
      const response = result instanceof Response ? result : Response.json(result);
      response.headers.set("x-request-id", info.requestId);
      return response;
    } catch (error) {
      const response = errorResponse(error, info.requestId);
      response.headers.set("x-request-id", info.requestId);
      return response;
    }
  };
}
