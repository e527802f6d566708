import { describe, expect, it } from "vitest";
import { DEFAULT_INVENTORY_FILTERS, inventorySearchParams } from "@/lib/inventory/filters";
import { RISK_FLAGS } from "@/lib/inventory/types";
import { POLICY_KINDS } from "@/lib/policies/rules";
import { flagHref, policyHref, statusHref } from "./flag-href.logic";

const own = (filters: Partial<typeof DEFAULT_INVENTORY_FILTERS>) => {
  const query = inventorySearchParams({ ...DEFAULT_INVENTORY_FILTERS, ...filters }).toString();
  return `/inventory${query ? `?${query}` : ""}`;
};

describe("an overview link", () => {
  it.each(RISK_FLAGS)("is the inventory's own URL for the default filters plus %s", (flag) => {
    expect(flagHref(flag)).toBe(own({ risk: [flag] }));
    expect(flagHref(flag, "demo-elevenlabs")).toBe(own({ risk: [flag], connection: ["demo-elevenlabs"] }));
  });

  it.each(["any", ...POLICY_KINDS] as const)(
    "is the inventory's own URL for the policy filter %s",
    (policy) => {
      expect(policyHref(policy)).toBe(own({ policy }));
      expect(policyHref(policy, "demo-elevenlabs")).toBe(own({ policy, connection: ["demo-elevenlabs"] }));
    },
  );

  it("for a total is the inventory's own URL, with or without a connection", () => {
    expect(statusHref(null)).toBe("/inventory");
    expect(statusHref("enabled")).toBe(own({ status: "enabled" }));
    expect(statusHref(null, "env-elevenlabs")).toBe(own({ connection: ["env-elevenlabs"] }));
    expect(statusHref("enabled", "a&b")).toBe(own({ status: "enabled", connection: ["a&b"] }));
  });
});
