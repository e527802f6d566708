// A provider failure reaches a route handler as Keydesk's error envelope: a refusal names the
// field (422), an upstream failure keeps its code and the upstream's request id.
import { describe, expect, it } from "vitest";
import { fromProviderError, ProviderRefusal, UpstreamError } from "./index";

describe("fromProviderError", () => {
  it("makes a refusal a 422 naming the field", () => {
    const error = fromProviderError(
      new ProviderRefusal("not_supported", ["enabled"], "Voiceable keys cannot be disabled."),
    );
    expect({ status: error.status, code: error.code, fields: error.extra.fields }).toEqual({
      status: 422,
      code: "validation_failed",
      fields: [{ path: ["enabled"], message: "Voiceable keys cannot be disabled." }],
    });
  });

  it("keeps an upstream failure's kind and request id", () => {
    const error = fromProviderError(
      new UpstreamError({
        kind: "rejected",
        message: "This key has expired",
        upstreamStatus: 200,
        requestId: "r1",
      }),
    );
    expect({ status: error.status, id: error.extra.upstreamRequestId }).toEqual({ status: 409, id: "r1" });
  });

  it("throws anything else on unchanged", () => {
    const bug = new TypeError("bug");
    expect(() => fromProviderError(bug)).toThrow(bug);
  });
});
