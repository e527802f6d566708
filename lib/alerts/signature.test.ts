import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature";

describe("the webhook signature", () => {
  const secret = "a-signing-secret-of-some-length";
  const body = '{"event":{"kind":"key_disabled"}}';

  it("is the hex HMAC-SHA256 of '<timestamp>.<raw body>'", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signBody(secret, 1700000000, body)).toBe(`sha256=${expected}`);
  });

  it("verifies within five minutes and refuses a replay, a changed body or timestamp, another secret", () => {
    const signature = signBody(secret, 1700000000, body);
    const ok = (s: string, t: string, b: string, now: number) =>
      verifySignature(s, { signature, timestamp: t }, b, now);
    expect(ok(secret, "1700000000", body, 1700000000 + 299)).toBe(true);
    expect(ok(secret, "1700000000", body, 1700000000 + 301)).toBe(false);
    expect(ok(secret, "1700000001", body, 1700000000)).toBe(false);
    expect(ok(secret, "1700000000", `${body} `, 1700000000)).toBe(false);
    expect(ok("another-secret", "1700000000", body, 1700000000)).toBe(false);
    expect(verifySignature(secret, { signature: null, timestamp: "1700000000" }, body, 1700000000)).toBe(
      false,
    );
  });
});
