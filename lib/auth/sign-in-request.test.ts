import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { STAMP_HEADERS } from "@/lib/http/request-stamp";
import { betterAuthRequest, readSignInBody } from "./sign-in-request";

const url = "http://keydesk.test/api/auth/sign-in/email";

async function refusal(body: BodyInit | null, type?: string): Promise<ApiError> {
  const req = new Request(url, { method: "POST", body, headers: type ? { "content-type": type } : {} });
  const error = await readSignInBody(req).catch((e: unknown) => e);
  expect(ApiError.is(error)).toBe(true);
  return error as ApiError;
}

describe("readSignInBody", () => {
  it("takes only JSON: a form, multipart or text body is a 415", async () => {
    expect((await refusal(new URLSearchParams({ email: "a@example.com", password: "x" }))).status).toBe(415);
    const form = new FormData();
    form.set("email", "a@example.com");
    form.set("password", "x");
    expect((await refusal(form)).status).toBe(415);
    expect((await refusal('{"email":"a@example.com","password":"x"}', "text/plain")).status).toBe(415);
    expect((await refusal(null)).status).toBe(415);
  });

  it("names the field that is missing or wrong (422)", async () => {
    const error = await refusal('{"email":"a@example.com"}', "application/json");
    expect(error.status).toBe(422);
    expect(error.extra.fields?.[0]?.path).toEqual(["password"]);
    expect((await refusal("{nope", "application/json")).status).toBe(422);
  });

  it("normalises the email, and reads text that is no address as none", async () => {
    const read = (email: string) =>
      readSignInBody(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify({ email, password: "pw", rememberMe: true }),
        }),
      );
    expect(await read("  Someone@Example.COM ")).toEqual({ email: "someone@example.com", password: "pw" });
    expect(await read(`sk_${"ab12".repeat(12)}`)).toEqual({ email: null, password: "pw" });
  });
});

describe("betterAuthRequest", () => {
  it("carries Keydesk's body and the stamped address, never the client's", async () => {
    const req = new Request(url, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: "a=b", [STAMP_HEADERS.clientIp]: "6.6.6.6" },
      body: "x",
    });
    const fresh = betterAuthRequest(req, { email: "a@example.com", password: "pw" }, "192.0.2.3");
    expect(fresh.headers.get("content-type")).toBe("application/json");
    expect(fresh.headers.get("cookie")).toBe("a=b");
    expect(fresh.headers.get(STAMP_HEADERS.clientIp)).toBe("192.0.2.3");
    expect(await fresh.json()).toEqual({ email: "a@example.com", password: "pw" });
    expect(betterAuthRequest(req, {}, null).headers.get(STAMP_HEADERS.clientIp)).toBeNull();
  });
});
