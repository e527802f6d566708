// What POST /api/doctor/diagnose refuses, each refusal naming its field.
import { describe, expect, it } from "vitest";
import { findBadText } from "@/lib/text/safe-text";
import { diagnoseSchema, PASTED_MAX } from "./schema";

const base = { connectionId: "demo-elevenlabs", keyId: "key_1", saId: "sa_1" };
const problemAt = (body: unknown) => {
  const result = diagnoseSchema.safeParse(body);
  return result.success ? null : result.error.issues.map((i) => i.path.join("."));
};

describe("diagnoseSchema", () => {
  it("takes a key alone, or with every clue", () => {
    expect(problemAt(base)).toBeNull();
    expect(problemAt({ ...base, pasted: "401", ip: " 2001:db8::1 ", operation: "voices_list" })).toBeNull();
    expect(problemAt({ ...base, pasted: null, ip: "", operation: "" })).toBeNull();
    expect(problemAt({ ...base, pasted: "x".repeat(PASTED_MAX) })).toBeNull();
  });

  it("refuses too much text, a range or a name for an address, an unknown operation, wrong types and extra fields", () => {
    expect(problemAt({ ...base, pasted: "x".repeat(PASTED_MAX + 1) })).toEqual(["pasted"]);
    expect(problemAt({ ...base, ip: "10.0.0.0/8" })).toEqual(["ip"]);
    expect(problemAt({ ...base, ip: "example.com" })).toEqual(["ip"]);
    expect(problemAt({ ...base, operation: "steal_everything" })).toEqual(["operation"]);
    expect(problemAt({ ...base, pasted: { detail: "x" } })).toEqual(["pasted"]);
    expect(problemAt({ ...base, keyId: "" })).toEqual(["keyId"]);
    expect(problemAt({ ...base, keyId: 7 })).toEqual(["keyId"]);
    expect(problemAt({ ...base, secret: "sk_x" })).toEqual([""]);
  });

  it("NUL and lone surrogates are named by field before the schema (withRole's check)", () => {
    expect(findBadText({ ...base, pasted: "a\u0000b" }).map((i) => i.path.join("."))).toEqual(["pasted"]);
    expect(findBadText({ ...base, pasted: "a\ud800b" }).map((i) => i.path.join("."))).toEqual(["pasted"]);
  });
});
