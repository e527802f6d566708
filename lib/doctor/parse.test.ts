// The pasted-error reader: ElevenLabs' own error texts first, then the forms people really paste
// (a log line with JSON inside, a message copied off a screenshot, a status alone, nothing).
import { describe, expect, it } from "vitest";
import { describeSignals, parsePasted } from "./parse";

const detail = (status: string, message: string) => JSON.stringify({ detail: { status, message } });

describe("parsePasted: ElevenLabs' error bodies", () => {
  it("reads a missing permission and names it", () => {
    const s = parsePasted(
      detail(
        "missing_permissions",
        "The API key you used is missing the permission voices_read to execute this operation.",
      ),
    );
    expect(s).toMatchObject({
      code: "missing_permissions",
      kind: "missing_permission",
      permission: "voices_read",
    });
  });

  it("reads the newer detail shape with code, type and request id", () => {
    const s = parsePasted(
      JSON.stringify({
        detail: {
          status: "invalid_api_key",
          code: "invalid_api_key",
          type: "authentication_error",
          message: "Invalid API key",
          request_id: "req_1",
        },
      }),
    );
    expect(s).toMatchObject({ code: "invalid_api_key", kind: "invalid_key", permission: null, ip: null });
  });

  it("reads a quota error", () => {
    const s = parsePasted(
      detail(
        "quota_exceeded",
        "This request exceeds your quota of 10000. You have 12 credits remaining, while 140 credits are required for this request.",
      ),
    );
    expect(s.kind).toBe("quota");
  });

  it("reads an IP refusal and the address it names", () => {
    const s = parsePasted(
      JSON.stringify({
        detail: {
          code: "ip_not_allowed",
          type: "authorization_error",
          message: "Requests from IP address 198.51.100.23 are not allowed for this API key.",
        },
      }),
    );
    expect(s).toMatchObject({ kind: "ip_not_allowed", ip: "198.51.100.23" });
  });

  it("reads no key at all", () => {
    expect(
      parsePasted(
        detail(
          "needs_authorization",
          "Neither authorization header nor xi-api-key received, please provide one.",
        ),
      ).kind,
    ).toBe("no_auth");
  });
});

describe("parsePasted: what people paste", () => {
  it("finds the JSON inside a log line, with the status before it", () => {
    const s = parsePasted(
      `2026-12-01T10:00:03Z ERROR tts failed: HTTP/1.1 401 Unauthorized body={"detail":{"status":"missing_permissions","message":"The API key you used is missing the permission text_to_speech to execute this operation."}}`,
    );
    expect(s).toMatchObject({ status: 401, kind: "missing_permission", permission: "text_to_speech" });
  });

  it("reads a message copied off a screenshot, without JSON", () => {
    const s = parsePasted(
      "Error 401: The API key you used is missing the permission\nvoices_read to execute this operation.",
    );
    expect(s).toMatchObject({ status: 401, kind: "missing_permission", permission: "voices_read" });
  });

  it("reads a cut-off JSON by its words", () => {
    const s = parsePasted(`{"detail":{"status":"invalid_api_key","message":"Invalid API ke`);
    expect(s).toMatchObject({ kind: "invalid_key" });
  });

  it("reads an HTTP status alone", () => {
    expect(parsePasted("401")).toMatchObject({ status: 401, kind: "invalid_key" });
    expect(parsePasted(" 402 ")).toMatchObject({ status: 402, kind: "quota" });
    expect(parsePasted("status: 429")).toMatchObject({ status: 429, kind: "rate_limited" });
  });

  it("reads nothing from nothing", () => {
    for (const empty of [undefined, null, "", "   \n"])
      expect(parsePasted(empty)).toEqual({
        status: null,
        code: null,
        kind: null,
        permission: null,
        ip: null,
        origin: null,
        assistant: null,
      });
    expect(describeSignals(parsePasted(""))).toBeNull();
  });

  it("does not take a version number or a character count for an address or a status", () => {
    const s = parsePasted("sdk 1.2.3.4.5 says: IP address not allowed; used 1200 characters");
    expect(s.kind).toBe("ip_not_allowed");
    expect(s.ip).toBeNull();
    expect(s.status).toBeNull();
  });

  it("survives hostile input: huge, nested, odd", () => {
    expect(parsePasted("{".repeat(50_000)).kind).toBeNull();
    expect(parsePasted(`[${"[".repeat(5000)}`).kind).toBeNull();
    expect(parsePasted(JSON.stringify({ detail: { status: 5, message: ["x"] } })).kind).toBeNull();
    expect(parsePasted("x".repeat(100_000) + " missing the permission voices_read").permission).toBeNull();
  });

  it("describes what it read in words, never repeating the text", () => {
    const words = describeSignals(
      parsePasted(
        `HTTP 403 {"detail":{"code":"ip_not_allowed","message":"Requests from IP address 203.0.113.9 are not allowed for this API key. secret sk_live"}}`,
      ),
    )!;
    expect(words).toContain("203.0.113.9");
    expect(words).not.toContain("sk_live");
  });
});

describe("parsePasted: DocSpace's and Voiceable's error bodies (their emulators' words)", () => {
  const docspace = (statusCode: number, message: string) =>
    JSON.stringify({ status: 1, statusCode, error: { message } });
  const voiceable = (code: number, message: string) =>
    JSON.stringify({ status: { code, message }, error: "Forbidden", errors: [message], details: null });

  it("DocSpace: the status from statusCode, the kind from error.message", () => {
    expect(parsePasted(docspace(401, "The API key has expired."))).toMatchObject({
      status: 401,
      kind: "expired",
    });
    expect(parsePasted(docspace(401, "The API key is deactivated."))).toMatchObject({
      status: 401,
      kind: "invalid_key",
    });
    expect(parsePasted(docspace(401, "Unauthorized."))).toMatchObject({ status: 401, kind: "invalid_key" });
    expect(
      parsePasted(docspace(403, "The API key is missing the scope rooms:write required for this request.")),
    ).toMatchObject({ status: 403, kind: "missing_permission", permission: "rooms:write" });
  });

  it("Voiceable: the status from status.code, the origin and the assistant it names", () => {
    expect(
      parsePasted(voiceable(403, "Origin https://Shop.example.com is not allowed for this API key.")),
    ).toMatchObject({ status: 403, kind: "origin_not_allowed", origin: "https://shop.example.com" });
    expect(
      parsePasted(voiceable(403, "A request without an Origin is not allowed for this API key.")),
    ).toMatchObject({ kind: "origin_not_allowed", origin: null });
    expect(
      parsePasted(voiceable(403, "Assistant asst_support is not allowed for this API key.")),
    ).toMatchObject({ kind: "assistant_not_allowed", assistant: "asst_support" });
    const transient = parsePasted(voiceable(403, "Transient assistants are not allowed for this API key."));
    expect(transient).toMatchObject({ kind: "transient_not_allowed", assistant: null });
    expect(describeSignals(transient)).toBe(
      "403: the key may not start calls with an inline (transient) assistant",
    );
    expect(parsePasted(voiceable(401, "Authentication required."))).toMatchObject({
      status: 401,
      kind: "invalid_key",
    });
  });
});
