// Every ElevenLabs permission has its sentence on the key page, and only known ones do.
import { describe, expect, it } from "vitest";
import { PERMISSION_DESCRIPTIONS, permissionDescription } from "./permission-descriptions";
import { PERMISSIONS } from "./permissions";

describe("permission descriptions", () => {
  it.each(PERMISSIONS)("%s has one plain sentence", (permission) => {
    const text = permissionDescription(permission);
    expect(text).toMatch(/^[A-Z].{10,}\.$/);
    expect(text!.split(". ")).toHaveLength(1);
  });

  it("describes exactly the known permissions, each differently", () => {
    expect(Object.keys(PERMISSION_DESCRIPTIONS).sort()).toEqual([...PERMISSIONS].sort());
    expect(new Set(Object.values(PERMISSION_DESCRIPTIONS)).size).toBe(PERMISSIONS.length);
  });

  it("has none for a value Keydesk does not know, nor for an object's own names", () => {
    expect(permissionDescription("teleportation")).toBeNull();
    expect(permissionDescription("toString")).toBeNull();
  });
});
