import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

/** A logger writing into an array of parsed JSON lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe("the server log", () => {
  it("writes one JSON line with a level, a time and the message", () => {
    const { logger, lines } = capture();
    logger.info("hello");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "hello" });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("carries the request id", () => {
    const { logger, lines } = capture();
    logger.child({ requestId: "req-42" }).warn({ route: "/api/users" }, "slow");
    expect(lines[0]).toMatchObject({ requestId: "req-42", route: "/api/users", msg: "slow", level: "warn" });
  });

  it("redacts every field named like a secret, at any depth, in fields and in bindings", () => {
    const { logger, lines } = capture();
    logger.child({ cookie: "session=abc" }).info(
      {
        authorization: "Bearer top-secret-1",
        headers: { "xi-api-key": "sk_top-secret-2", "Set-Cookie": "s=top-secret-3", accept: "json" },
        password: "top-secret-4",
        clientSecret: "top-secret-5",
        sessionToken: "top-secret-6",
        code: "123456",
        list: [{ token: "top-secret-7" }],
        errorCode: "http_401",
      },
      "request",
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/top-secret|session=abc|123456/);
    expect(lines[0]).toMatchObject({
      authorization: "[redacted]",
      cookie: "[redacted]",
      headers: { "xi-api-key": "[redacted]", "Set-Cookie": "[redacted]", accept: "json" },
      password: "[redacted]",
      code: "[redacted]",
      errorCode: "http_401",
    });
  });
});
