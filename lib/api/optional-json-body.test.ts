// An optional JSON body: none is {}, one sent is checked like a required one (JSON only, bad text,
// the schema's 422 naming the field, the size limit).
import { describe, expect, it } from "vitest";
import * as z from "@/lib/text/zod-mini";
import { optionalJsonBody } from "./optional-json-body";
import { MAX_BODY_BYTES } from "./with-role";

const schema = z.strictObject({ reason: z.optional(z.string().check(z.minLength(1, "Give a reason"))) });
const request = (body?: string, type = "application/json") =>
  new Request("http://keydesk.test/x", {
    method: "DELETE",
    ...(body === undefined ? {} : { body, headers: { "content-type": type } }),
  });

async function refusal(req: Request) {
  const error = (await optionalJsonBody(req, schema).catch((e: unknown) => e)) as {
    code: string;
    extra: { fields?: { path: unknown[] }[] };
  };
  return { code: error.code, fields: error.extra.fields?.map((f) => f.path.join(".")) };
}

describe("optionalJsonBody", () => {
  it("answers {} for no body and the parsed body otherwise", async () => {
    expect(await optionalJsonBody(request(), schema)).toEqual({});
    expect(await optionalJsonBody(request("  "), schema)).toEqual({});
    expect(await optionalJsonBody(request('{"reason":"unused"}'), schema)).toEqual({ reason: "unused" });
  });

  it("refuses what a required body would be refused for", async () => {
    expect(await refusal(request('{"reason":""}'))).toEqual({
      code: "validation_failed",
      fields: ["reason"],
    });
    expect(await refusal(request('{"reason":"a\\u0000b"}'))).toEqual({
      code: "validation_failed",
      fields: ["reason"],
    });
    expect(await refusal(request("{nope"))).toMatchObject({ code: "validation_failed" });
    expect(await refusal(request('{"reason":"x"}', "text/plain"))).toMatchObject({
      code: "unsupported_media_type",
    });
    expect(await refusal(request(`{"reason":"${"x".repeat(MAX_BODY_BYTES)}"}`))).toMatchObject({
      code: "payload_too_large",
    });
  });
});
