import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/inventory", "/inventory"],
    ["/inventory?flag=stale&sort=name", "/inventory?flag=stale&sort=name"],
    ["/service-accounts/sa_1#keys", "/service-accounts/sa_1#keys"],
    ["/a/../b", "/b"],
  ])("keeps %j as %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "",
    "inventory",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/sign-in",
    " /x",
    "/x\n",
    42,
    null,
    undefined,
    ["/x"],
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (input) => {
    expect(safeNextPath(input)).toBeNull();
  });
});

describe("signInPath", () => {
  it("remembers a same-site path, and nothing else", () => {
    expect(signInPath("/inventory?flag=stale")).toBe("/sign-in?next=%2Finventory%3Fflag%3Dstale");
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});
