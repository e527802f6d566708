import { describe, expect, it } from "vitest";
import { bearerMatches, metricsAnswer } from "./metrics-endpoint";
import {
  metrics,
  recordAuditAppend,
  recordHttpRequest,
  recordSignInFailure,
  recordUpstreamCall,
  routePattern,
} from "./metrics";

const TOKEN = "t".repeat(20) + "0123456789ab";
/** A scrape of a Keydesk whose configured token is `token` (null: none configured). */
const scrape = (headers: Record<string, string> = {}, token: string | null = TOKEN) =>
  metricsAnswer(new Request("http://keydesk.test/api/metrics", { headers }), token ?? undefined);

describe("the metrics endpoint", () => {
  it("does not exist when no token is configured (404, whatever is sent)", async () => {
    expect((await scrape({ authorization: `Bearer ${TOKEN}` }, null)).status).toBe(404);
    expect((await scrape({}, null)).status).toBe(404);
  });

  it("refuses a request without the token, or with a wrong one (401, nothing of the metrics)", async () => {
    for (const authorization of [
      undefined,
      "",
      "Bearer",
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const res = await scrape(authorization === undefined ? {} : { authorization });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain("keydesk_");
    }
  });

  it("answers the Prometheus text to the right token", async () => {
    const res = await scrape({ authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toContain("# TYPE keydesk_http_requests_total counter");
  });

  it("compares the token exactly (case of the scheme aside)", () => {
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN.toUpperCase()}`, TOKEN)).toBe(false);
    expect(bearerMatches(null, TOKEN)).toBe(false);
  });
});

describe("the registry", () => {
  it("is one per process, whichever copy of the module asks", () => {
    expect(metrics()).toBe(metrics());
    expect(metrics().registry.getSingleMetric("keydesk_http_requests_total")).toBeDefined();
  });

  it("holds every metric after a recorded request, upstream call, audit append and sign-in failure", async () => {
    recordHttpRequest("GET", "/api/service-accounts/[saId]/keys", 200, 0.012);
    recordUpstreamCall("listKeys", "ok", 0.02);
    recordUpstreamCall("createKey", "timeout", 10);
    recordAuditAppend("ok", 0.003);
    recordSignInFailure("password", "http_401");
    recordSignInFailure("sso", "access_denied");
    const text = await metrics().registry.metrics();
    for (const line of [
      'keydesk_http_requests_total{method="GET",route="/api/service-accounts/[saId]/keys",status="200"} 1',
      'keydesk_http_request_duration_seconds_count{method="GET",route="/api/service-accounts/[saId]/keys",status="200"} 1',
      'keydesk_upstream_calls_total{operation="list_keys",outcome="ok"} 1',
      'keydesk_upstream_errors_total{operation="create_key",kind="timeout"} 1',
      'keydesk_upstream_call_duration_seconds_count{operation="create_key"} 1',
      'keydesk_audit_append_duration_seconds_count{outcome="ok"} 1',
      'keydesk_sign_in_failures_total{method="password",reason="http_401"} 1',
      'keydesk_sign_in_failures_total{method="sso",reason="access_denied"} 1',
      "keydesk_process_resident_memory_bytes",
    ])
      expect(text).toContain(line);
  });

  it("never takes a label a client chose: odd words become other", async () => {
    recordSignInFailure("sso", "Robert'); DROP");
    recordHttpRequest("BREW", "/api/users", 405, 0.001);
    const text = await metrics().registry.metrics();
    expect(text).toContain('keydesk_sign_in_failures_total{method="sso",reason="other"} 1');
    expect(text).toContain('method="other",route="/api/users",status="405"');
    expect(text).not.toMatch(/DROP|BREW/);
  });
});

describe("routePattern", () => {
  it.each([
    ["/api/users", {}, "/api/users"],
    ["/api/users/u_123", { userId: "u_123" }, "/api/users/[userId]"],
    [
      "/api/service-accounts/sa_9/keys/k%207",
      { saId: "sa_9", keyId: "k 7" },
      "/api/service-accounts/[saId]/keys/[keyId]",
    ],
    [
      "/api/service-accounts/sa_9/keys/k_7/rotate",
      { saId: "sa_9", keyId: "k_7" },
      "/api/service-accounts/[saId]/keys/[keyId]/rotate",
    ],
    ["/api/auth/sign-in/email", { all: ["sign-in", "email"] }, "/api/auth/[...all]"],
    ["/api/users/someone-else", { userId: "u_123" }, "unmatched"],
  ])("%s -> %s", (path, params, pattern) => {
    expect(routePattern(path, params)).toBe(pattern);
  });

  it("keeps no raw id, even when an id looks like a word of the route", () => {
    const label = routePattern("/api/service-accounts/keys/keys/sa_secret_77", {
      saId: "keys",
      keyId: "sa_secret_77",
    });
    expect(label).not.toContain("sa_secret_77");
    expect(label.split("/").filter((s) => s && !/^\[/.test(s))).toEqual(["api", "service-accounts", "keys"]);
  });
});
