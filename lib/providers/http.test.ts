// The fetch client DocSpace and Voiceable share, over real HTTP: URLs built under the base path,
// answers too large to read refused without reading them whole, error bodies of any shape.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callJson, endpointUrl, type JsonApi } from "./http";

let server: Server;
let url: string;

beforeAll(async () => {
  // /big: 1 MB of JSON, chunked (no content-length); /sized: the same with content-length;
  // /html: a proxy's HTML error page.
  server = createServer((req, res) => {
    res.setHeader("x-request-id", "req-1");
    if (req.url === "/html") {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad gateway</body></html>");
      return;
    }
    const big = JSON.stringify({ response: "x".repeat(1_000_000) });
    if (req.url === "/sized") res.setHeader("content-length", String(Buffer.byteLength(big)));
    res.writeHead(200, { "content-type": "application/json" });
    // Written in pieces, so a reader that gives up early is seen to.
    for (let i = 0; i < big.length; i += 64_000) res.write(big.slice(i, i + 64_000));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
});

const api = (over: Partial<JsonApi> = {}): JsonApi => ({
  label: "Test",
  metricPrefix: "test",
  baseUrl: url,
  authHeaders: {},
  timeoutMs: 2_000,
  retryPolicy: { retries: 0, baseDelayMs: 0, maxRetryAfterMs: 0 },
  errorMessage: () => undefined,
  ...over,
});

describe("endpointUrl", () => {
  it("keeps the base URL's own path, with or without a slash at either end", () => {
    for (const base of ["https://api.example.com/api/v1", "https://api.example.com/api/v1/"])
      for (const path of ["api_keys/7", "/api_keys/7"])
        expect(endpointUrl(base, path).href).toBe("https://api.example.com/api/v1/api_keys/7");
  });

  it("refuses what is not an http(s) URL", () => {
    for (const base of [
      "",
      "portal.example.com",
      "ftp://portal.example.com",
      "file:///etc/passwd",
      "javascript:alert(1)",
    ])
      expect(() => endpointUrl(base, "keys"), base).toThrow(/base URL/);
  });
});

describe("callJson", () => {
  it("reads an answer within the limit", async () => {
    const reply = await callJson(api(), "GET", "big");
    expect(reply).toMatchObject({ status: 200, requestId: "req-1" });
  });

  it("refuses an answer larger than the limit as bad_response, chunked or declared", async () => {
    for (const path of ["big", "sized"]) {
      const error = await callJson(api({ maxBodyBytes: 100_000 }), "GET", path).catch((e: unknown) => e);
      expect(error, path).toMatchObject({ kind: "bad_response", requestId: "req-1" });
    }
  });

  it("maps an HTML error page by its status, without its text", async () => {
    const error = await callJson(
      api({ errorMessage: (b) => (typeof b === "string" ? b : undefined) }),
      "GET",
      "html",
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "unavailable", upstreamStatus: 502, requestId: "req-1" });
    expect((error as Error).message).not.toContain("<html>");
  });
});
