// GET /api/metrics: the Prometheus text of this process's metrics (metrics.ts), for a scraper
// holding KEYDESK_METRICS_TOKEN as a bearer token. Without a token configured the endpoint does
// not exist (404), so a Keydesk nobody scrapes shows nothing. The token is compared in constant
// time over SHA-256 digests, so neither its content nor its length leaks through timing.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { metrics } from "./metrics";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** True when the Authorization header is `Bearer <token>` with exactly this token. */
export function bearerMatches(authorization: string | null, token: string): boolean {
  const given = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  // Always compare, even with nothing given: the time taken says nothing about what was sent.
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

const NO_STORE = { "cache-control": "no-store" };

export async function metricsAnswer(req: Request, token: string | undefined): Promise<Response> {
  if (!token)
    return new Response("Not Found", { status: 404, headers: { ...NO_STORE, "content-type": "text/plain" } });
  if (!bearerMatches(req.headers.get("authorization"), token)) {
    return Response.json(
      { error: { code: "unauthenticated", message: "Send the metrics token as a bearer token." } },
      { status: 401, headers: { ...NO_STORE, "www-authenticate": 'Bearer realm="keydesk-metrics"' } },
    );
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    status: 200,
    headers: { ...NO_STORE, "content-type": registry.contentType },
  });
}
