import { describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { errorBrand, hasBrand } from "./branded-error";

describe("branded errors", () => {
  it("recognise an error made by another copy of the class, and nothing else", () => {
    // What a second bundled copy of UpstreamError would make: a different class, the same brand.
    const fromOtherCopy = Object.assign(new Error("x"), { [errorBrand("UpstreamError")]: true });
    expect(UpstreamError.is(fromOtherCopy)).toBe(true);
    expect(UpstreamError.is(new UpstreamError({ kind: "timeout", message: "t" }))).toBe(true);
    expect(UpstreamError.is(new Error("plain"))).toBe(false);
    expect(UpstreamError.is(null)).toBe(false);
    expect(hasBrand({ [errorBrand("ApiError")]: true }, errorBrand("UpstreamError"))).toBe(false);
  });
});
