// Keydesk's Prometheus metrics (prom-client), served by GET /api/metrics (metrics-endpoint.ts).
// They live in a registry of their own, kept on globalThis: Next.js may load this module more than
// once (one copy per bundle), and every copy must count into the same metrics rather than register
// a second set (prom-client's global registry would refuse the duplicate names).
//
// Labels are few and bounded: an HTTP route is its pattern (`/api/users/[userId]`), never the path
// a client sent (ids would explode the number of series, and a path can carry text a person typed).
import "server-only";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const FAST_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

function build() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: "keydesk_" });
  return {
    registry,
    httpRequests: new Counter({
      name: "keydesk_http_requests_total",
      help: "API requests answered, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "keydesk_http_request_duration_seconds",
      help: "Time to answer an API request, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: SECONDS,
      registers,
    }),
    upstreamCalls: new Counter({
      name: "keydesk_upstream_calls_total",
      help: "Calls to ElevenLabs (after retries), by operation and outcome (ok, or the error's kind).",
      labelNames: ["operation", "outcome"] as const,
      registers,
    }),
    upstreamErrors: new Counter({
      name: "keydesk_upstream_errors_total",
      help: "Failed calls to ElevenLabs, by operation and kind (timeout, unavailable, rate_limited, …).",
      labelNames: ["operation", "kind"] as const,
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "keydesk_upstream_call_duration_seconds",
      help: "Time one call to ElevenLabs took (retries included), by operation.",
      labelNames: ["operation"] as const,
      buckets: SECONDS,
      registers,
    }),
    auditAppendDuration: new Histogram({
      name: "keydesk_audit_append_duration_seconds",
      help: "Time to append rows to the hash-chained audit log (lock, chain read, insert).",
      labelNames: ["outcome"] as const,
      buckets: FAST_SECONDS,
      registers,
    }),
    signInFailures: new Counter({
      name: "keydesk_sign_in_failures_total",
      help: "Refused sign-ins, by method (password, sso) and reason (http_401: wrong credentials, rate_limited: paused, …).",
      labelNames: ["method", "reason"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

const SLOT = Symbol.for("keydesk.metrics");
type Slot = { [SLOT]?: Metrics };

/** This process's metrics (one set, whichever copy of this module asks). */
export function metrics(): Metrics {
  const slot = globalThis as Slot;
  slot[SLOT] ??= build();
  return slot[SLOT];
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A label value that is one of a few known words, or "other" (nothing a client chose). */
function word(value: string): string {
  return /^[a-z0-9_]{1,40}$/.test(value) ? value : "other";
}

export function recordHttpRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = {
    method: METHODS.has(method.toUpperCase()) ? method.toUpperCase() : "other",
    route,
    status: String(status),
  };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}

/** `outcome` is "ok" or the upstream error's kind. */
export function recordUpstreamCall(operation: string, outcome: string, seconds: number): void {
  const m = metrics();
  const op = word(operation.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  const result = word(outcome);
  m.upstreamCalls.inc({ operation: op, outcome: result });
  if (result !== "ok") m.upstreamErrors.inc({ operation: op, kind: result });
  m.upstreamDuration.observe({ operation: op }, seconds);
}

export function recordAuditAppend(outcome: "ok" | "error", seconds: number): void {
  metrics().auditAppendDuration.observe({ outcome }, seconds);
}

/** `method`: "password" (a second factor included) or "sso". */
export function recordSignInFailure(method: "password" | "sso", reason: string): void {
  metrics().signInFailures.inc({ method, reason: word(reason) });
}

type Params = Record<string, string | string[] | undefined>;

/**
 * The route pattern of a request, from its path and the params Next.js matched: each dynamic
 * segment is put back as `[name]` (a catch-all as `[...name]`). A path whose params cannot all be
 * placed gives "unmatched", never the path itself.
 */
export function routePattern(pathname: string, params: Params): string {
  const segments = pathname.split("/");
  const placed = new Set<number>();
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const entries = Object.entries(params).filter(([, v]) => v !== undefined);
  for (const [name, value] of entries) {
    if (Array.isArray(value)) continue;
    // From the right, skipping segments already placed. A value spelt like one of the route's own
    // words may trade places with that word; the label then still holds only the route's words.
    let i = segments.length - 1;
    while (i > 0 && (placed.has(i) || decode(segments[i]!) !== value)) i--;
    if (i <= 0) return "unmatched";
    segments[i] = `[${name}]`;
    placed.add(i);
  }
  for (const [name, value] of entries) {
    if (!Array.isArray(value)) continue;
    // A catch-all (always last in a route): its values are the path's last segments.
    const start = segments.length - value.length;
    if (value.length === 0 || start < 1 || [...placed].some((i) => i >= start)) return "unmatched";
    if (!value.every((v, i) => decode(segments[start + i]!) === v)) return "unmatched";
    segments.splice(start, value.length, `[...${name}]`);
  }
  return segments.join("/") || "/";
}
