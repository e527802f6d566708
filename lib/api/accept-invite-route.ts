// POST /api/invites/accept: whoever holds a one-time link sets the password of its user. Public
// (the link is the proof), so it is not behind withRole; it still takes changes from Keydesk's
// own pages only, parses the body with the shared schema and answers in the error envelope.
import "server-only";
import { ApiError, fromZod } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { isSameOrigin, requestInfo } from "@/lib/http/request-info";
import { recordHttpRequest } from "@/lib/log/metrics";
import { getAuth } from "@/lib/auth";
import { passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { acceptInviteSchema } from "@/lib/users/schema";
import { recordInviteUse } from "@/lib/users/invite-audit";
import { acceptInvite, INVITE_REFUSALS } from "@/lib/users/invites";

async function accept(req: Request): Promise<Response> {
  const info = requestInfo(req);
  try {
    if (!isSameOrigin(req))
      throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
    if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? ""))
      throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
    const parsed = acceptInviteSchema.safeParse(await req.json().catch(() => null));
    if (!parsed.success) throw fromZod(parsed.error, "body");
    const [{ db }, auth] = await Promise.all([getDatabase(), getAuth()]);
    if (!passwordSignInEnabled(env())) {
      await recordInviteUse(db, info, null, "password_sign_in_off");
      throw new ApiError("conflict", INVITE_REFUSALS.password_sign_in_off);
    }
    const { email } = await acceptInvite(auth, db, info, parsed.data.token, parsed.data.password);
    return Response.json(
      { email },
      { headers: { "cache-control": "no-store", "x-request-id": info.requestId } },
    );
  } catch (error) {
    const response = errorResponse(error, info.requestId);
    response.headers.set("x-request-id", info.requestId);
    return response;
  }
}

/** Counted and timed under its path, which has no parameters (lib/log/metrics.ts). */
export async function acceptInviteRoute(req: Request): Promise<Response> {
  const started = performance.now();
  const response = await accept(req);
  recordHttpRequest(req.method, "/api/invites/accept", response.status, (performance.now() - started) / 1000);
  return response;
}
