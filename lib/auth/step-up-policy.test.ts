import { describe, expect, it } from "vitest";
import { BULK_HEADER, changesRole, grantsAll, isBulkRequest } from "./step-up-policy";

describe("which requests need a recent sign-in", () => {
  it("a key with every permission, created or granted", () => {
    expect(grantsAll({ permissions: "all" })).toBe(true);
    expect(grantsAll({ permissions: ["text_to_speech"] })).toBe(false);
    expect(grantsAll({ name: "renamed" })).toBe(false);
  });

  it("a bulk run's change, which says so in a header", () => {
    expect(
      isBulkRequest(new Request("http://k/api", { method: "PATCH", headers: { [BULK_HEADER]: "1" } })),
    ).toBe(true);
    expect(isBulkRequest(new Request("http://k/api", { method: "PATCH" }))).toBe(false);
  });

  it("a role change, but not a password reset or disabling", () => {
    expect(changesRole({ role: "admin" })).toBe(true);
    expect(changesRole({ disabled: true })).toBe(false);
    expect(changesRole({ password: "x" })).toBe(false);
  });
});
