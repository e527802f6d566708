import { describe, expect, it } from "vitest";
import { DEFAULT_INVENTORY_FILTERS, inventorySearchParams } from "@/lib/inventory/filters";
import { RISK_FLAGS } from "@/lib/inventory/types";
import { flagHref } from "./flag-href.logic";

describe("an overview risk link", () => {
  it.each(RISK_FLAGS)("is the inventory's own URL for the default filters plus %s", (flag) => {
    expect(flagHref(flag)).toBe(
      `/inventory?${inventorySearchParams({ ...DEFAULT_INVENTORY_FILTERS, risk: [flag] })}`,
    );
  });
});
