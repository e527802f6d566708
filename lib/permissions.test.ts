import { describe, expect, it } from "vitest";
import { controlPermissions, isPermission, permissionLabel, PERMISSIONS, PRODUCT_AREAS } from "./permissions";

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

describe("permissionLabel", () => {
  it("names every permission in words, read and write apart", () => {
    for (const p of PERMISSIONS) expect(permissionLabel(p)).not.toBe(p);
    expect(permissionLabel("voices_read")).toBe("Voices (read)");
    expect(permissionLabel("voices_write")).toBe("Voices (write)");
    expect(permissionLabel("text_to_speech")).toBe("Text to Speech");
  });

  it("shows an unknown value as it came", () => {
    expect(permissionLabel("brand_new_permission")).toBe("brand_new_permission");
  });
});
