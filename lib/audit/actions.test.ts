import { describe, expect, it } from "vitest";
import { actionLabel } from "./actions";

describe("actionLabel", () => {
  it("gives plain words for the actions Keydesk writes", () => {
    expect(actionLabel("key_observed_change")).toBe("Changed outside Keydesk");
    expect(actionLabel("key_disabled")).toBe("Key disabled");
  });
  it("has no words for an action it does not know, so the page shows the name itself", () => {
    expect(actionLabel("something_new")).toBeNull();
  });
});
