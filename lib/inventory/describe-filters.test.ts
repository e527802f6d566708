import { describe, expect, it } from "vitest";
import { describeFilters } from "./describe-filters";
import { DEFAULT_INVENTORY_FILTERS, type InventoryFilters } from "./filters";

const f = (overrides: Partial<InventoryFilters>) => ({ ...DEFAULT_INVENTORY_FILTERS, ...overrides });

describe("describeFilters", () => {
  it("says all keys when nothing filters, whatever the sort", () => {
    expect(describeFilters(DEFAULT_INVENTORY_FILTERS)).toBe("all keys");
    expect(describeFilters(f({ sort: "usage", dir: "asc", q: "   " }))).toBe("all keys");
  });

  it("writes the filters as one short sentence, labels mid-sentence", () => {
    expect(
      describeFilters(f({ status: "disabled", risk: ["unrestricted", "no_allowlist"], q: "prod" })),
    ).toBe("status disabled; risk: unrestricted, no IP allowlist; text “prod”");
    expect(describeFilters(f({ risk: ["unseen"] }))).toBe("risk: outside Keydesk");
  });

  it("names service accounts it knows and shows the ids of the rest", () => {
    const names = new Map([["sa_1", "Production"]]);
    expect(describeFilters(f({ sa: ["sa_1"] }), names)).toBe("service account Production");
    expect(describeFilters(f({ sa: ["sa_1", "sa_9"] }), names)).toBe("service accounts Production, sa_9");
    expect(describeFilters(f({ sa: ["sa_1"] }))).toBe("service account sa_1");
  });

  it("names the policy filter", () => {
    expect(describeFilters(f({ policy: "any" }))).toBe("breaks a key policy");
    expect(describeFilters(f({ policy: "no_unrestricted", status: "enabled" }))).toBe(
      "status enabled; breaks the policy “No unrestricted keys”",
    );
  });

  it("lists permissions, singular or plural", () => {
    expect(describeFilters(f({ perm: ["voices_read"] }))).toBe("has permission voices_read");
    expect(describeFilters(f({ perm: ["voices_read", "models_write"], status: "enabled" }))).toBe(
      "status enabled; has permissions voices_read, models_write",
    );
  });
});
