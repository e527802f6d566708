import { describe, expect, it } from "vitest";
import { controlPermissions, isPermission, PERMISSIONS, PRODUCT_AREAS } from "./permissions";

describe("permissions", () => {
  it("has the 51 values of SDK 2.73, each once", () => {
    expect(PERMISSIONS).toHaveLength(51);
    expect(new Set(PERMISSIONS).size).toBe(51);
  });
  it("places every permission in exactly one product-area control", () => {
    const placed = PRODUCT_AREAS.flatMap((area) => area.controls.flatMap(controlPermissions));
    expect([...placed].sort()).toEqual([...PERMISSIONS].sort());
  });
  it("pairs only a read with its write", () => {
    for (const control of PRODUCT_AREAS.flatMap((a) => a.controls)) {
      if (control.kind === "pair") expect(control.write.replace(/_write$/, "_read")).toBe(control.read);
    }
  });
  it("knows its own values and nothing else", () => {
    expect(isPermission("text_to_speech")).toBe(true);
    expect(isPermission("service_accounts_manage")).toBe(false);
    expect(isPermission(42)).toBe(false);
  });
});
