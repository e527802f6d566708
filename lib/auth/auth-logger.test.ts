import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { logAuthMessage } from "./auth-logger";

afterEach(() => vi.restoreAllMocks());

describe("better-auth's log lines", () => {
  it("keep the message and an error's name and code, never the details (states, tokens, profiles)", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const failure = Object.assign(new Error("State mismatch: verification not found"), {
      name: "BetterAuthError",
      code: "state_mismatch",
      details: { state: "secret-state-value" },
    });
    logAuthMessage("error", "Failed to parse state", failure, { access_token: "secret-access-token" });
    expect(error).toHaveBeenCalledOnce();
    const line = String(error.mock.calls[0]![0]);
    expect(line).toContain("Failed to parse state");
    expect(line).toContain("BetterAuthError");
    expect(line).toContain("state_mismatch");
    expect(line).not.toContain("secret-state-value");
    expect(line).not.toContain("secret-access-token");
  });
});
