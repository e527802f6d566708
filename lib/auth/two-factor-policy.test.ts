import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { assertEnrolled, mustEnrol } from "./two-factor-policy";

describe("KEYDESK_REQUIRE_2FA", () => {
  it("sends a person of a required role to enrolment until they have enrolled", () => {
    expect(mustEnrol({ role: "support", twoFactorEnabled: false }, ["admin", "support"])).toBe(true);
    expect(mustEnrol({ role: "support" }, ["support"])).toBe(true);
    expect(mustEnrol({ role: "support", twoFactorEnabled: true }, ["support"])).toBe(false);
    expect(mustEnrol({ role: "reviewer", twoFactorEnabled: false }, ["admin", "support"])).toBe(false);
    expect(mustEnrol({ role: "admin", twoFactorEnabled: false }, [])).toBe(false);
  });

  it("refuses API requests with a 403 enrolment_required", () => {
    try {
      assertEnrolled({ role: "admin", twoFactorEnabled: false }, ["admin"]);
      expect.unreachable();
    } catch (error) {
      expect(ApiError.is(error)).toBe(true);
      expect((error as ApiError).code).toBe("enrolment_required");
      expect((error as ApiError).status).toBe(403);
    }
    expect(() => assertEnrolled({ role: "admin", twoFactorEnabled: true }, ["admin"])).not.toThrow();
  });
});
