import { describe, expect, it } from "vitest";
import { ensureProcessToken, STAMP_HEADERS } from "./request-stamp";
import { isSameOrigin, requestInfo } from "./request-info";

function post(url: string, headers: Record<string, string>): Request {
  return new Request(url, { method: "POST", headers });
}

function stamped(
  headers: Record<string, string>,
  stamp: { ip?: string; origin?: string },
): Record<string, string> {
  return {
    ...headers,
    [STAMP_HEADERS.token]: ensureProcessToken(),
    ...(stamp.ip ? { [STAMP_HEADERS.clientIp]: stamp.ip } : {}),
    ...(stamp.origin ? { [STAMP_HEADERS.origin]: stamp.origin } : {}),
  };
}

describe("requestInfo", () => {
  it("never takes the client's address from a header the client wrote", () => {
    const info = requestInfo(
      post("http://keydesk.test/api/x", {
        "x-forwarded-for": "6.6.6.6, 10.0.0.1",
        "x-real-ip": "6.6.6.7",
        [STAMP_HEADERS.clientIp]: "6.6.6.8",
      }),
    );
    expect(info.ip).toBeNull();
  });

  it("takes the address the server stamped", () => {
    const info = requestInfo(
      post("http://keydesk.test/api/x", stamped({ "x-forwarded-for": "6.6.6.6" }, { ip: "198.51.100.4" })),
    );
    expect(info.ip).toBe("198.51.100.4");
  });
});

describe("isSameOrigin", () => {
  it("accepts the request's own scheme, host and port", () => {
    expect(isSameOrigin(post("http://keydesk.test:3000/api/x", { origin: "http://keydesk.test:3000" }))).toBe(
      true,
    );
    expect(
      isSameOrigin(
        post(
          "http://127.0.0.1:3000/api/x",
          stamped(
            { origin: "https://keydesk.example.com", host: "keydesk.example.com" },
            { origin: "https://keydesk.example.com" },
          ),
        ),
      ),
    ).toBe(true);
  });

  it("refuses another scheme or port", () => {
    expect(
      isSameOrigin(
        post("http://keydesk.test/api/x", { origin: "https://keydesk.test", host: "keydesk.test" }),
      ),
    ).toBe(false);
    expect(
      isSameOrigin(
        post("http://keydesk.test/api/x", { origin: "http://keydesk.test:8080", host: "keydesk.test" }),
      ),
    ).toBe(false);
  });

  it("never believes a forwarded host the client sent", () => {
    expect(
      isSameOrigin(
        post("http://keydesk.test/api/x", {
          origin: "http://evil.example",
          host: "keydesk.test",
          "x-forwarded-host": "evil.example",
        }),
      ),
    ).toBe(false);
    expect(
      isSameOrigin(
        post(
          "http://127.0.0.1:3000/api/x",
          stamped(
            { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
            { origin: "http://keydesk.test" },
          ),
        ),
      ),
    ).toBe(false);
  });

  it("refuses a cross-site fetch, a missing or opaque origin", () => {
    expect(
      isSameOrigin(
        post("http://keydesk.test/api/x", { origin: "http://keydesk.test", "sec-fetch-site": "cross-site" }),
      ),
    ).toBe(false);
    expect(
      isSameOrigin(
        post("http://keydesk.test/api/x", { origin: "http://keydesk.test", "sec-fetch-site": "same-origin" }),
      ),
    ).toBe(true);
    expect(isSameOrigin(post("http://keydesk.test/api/x", {}))).toBe(false);
    expect(isSameOrigin(post("http://keydesk.test/api/x", { origin: "null" }))).toBe(false);
  });
});
