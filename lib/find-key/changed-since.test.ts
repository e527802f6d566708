import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/http/client";
import { changedSinceMessage, conflictKey } from "./changed-since";

const now = { id: "k1", name: "portal key", group: null, owner: null, hint: "ab12", enabled: false };
const conflict = (current: unknown) =>
  new ApiRequestError(409, "conflict", "changed", [], { body: { error: { code: "conflict", current } } });

describe("conflictKey", () => {
  it("takes the key as it is now from a 409, and nothing from any other failure", () => {
    expect(conflictKey(conflict(now))).toEqual(now);
    expect(conflictKey(conflict(undefined))).toBeNull();
    expect(
      conflictKey(
        new ApiRequestError(422, "validation_failed", "bad", [], { body: { error: { current: now } } }),
      ),
    ).toBeNull();
    expect(conflictKey(new Error("network"))).toBeNull();
  });
});

describe("changedSinceMessage", () => {
  it("says the key changed since the search, what it is now, to search again, and that the reason is kept", () => {
    const text = changedSinceMessage("portal key", now);
    expect(text).toMatch(/^portal key changed since you searched: it is already disabled/);
    expect(text).toContain("Search again");
    expect(text).toContain("your reason is kept");
    expect(changedSinceMessage("portal key", { enabled: true })).toContain("not as the search showed it");
  });
});
