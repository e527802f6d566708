import { describe, expect, it } from "vitest";
import { secretFromUri, totp } from "@/tests/support/totp";

describe("the tests' TOTP", () => {
  it("matches RFC 6238's SHA-1 test vectors", () => {
    // The RFC's secret "12345678901234567890" in base32.
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totp(secret, 59_000, 30, 8)).toBe("94287082");
    expect(totp(secret, 1_111_111_109_000, 30, 8)).toBe("07081804");
    expect(totp(secret, 2_000_000_000_000, 30, 8)).toBe("69279037");
  });

  it("reads the secret of an otpauth URI", () => {
    expect(secretFromUri("otpauth://totp/Keydesk:a%40b.c?secret=JBSWY3DPEHPK3PXP&issuer=Keydesk")).toBe(
      "JBSWY3DPEHPK3PXP",
    );
  });
});
