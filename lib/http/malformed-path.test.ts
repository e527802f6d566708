import { describe, expect, it } from "vitest";
import { malformedPathAnswer } from "./malformed-path";

describe("malformedPathAnswer", () => {
  it("lets every decodable path through, whatever its query", () => {
    for (const target of ["/", "/api/audit?q=%ZZ", "/service-accounts/%E0%A4%A4", "/a%20b"])
      expect(malformedPathAnswer(target)).toBeNull();
  });

  it("answers an API path with a JSON 400 and the security headers", () => {
    const answer = malformedPathAnswer("/api/%ZZ")!;
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(JSON.parse(answer.body).error.code).toBe("bad_request");
  });

  it("answers a page path with a plain-text 400", () => {
    const answer = malformedPathAnswer("/service-accounts/%E0%A4%A")!;
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
  });
});
