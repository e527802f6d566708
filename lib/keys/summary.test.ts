import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/permissions";
import { PERMISSION_COUNT, allowlistSummary, permissionSummary, usageLevel } from "./summary";

describe("PERMISSION_COUNT", () => {
  it("is the number of permissions in lib/permissions.ts", () => {
    expect(PERMISSION_COUNT).toBe(PERMISSIONS.length);
  });
});

describe("permissionSummary", () => {
  it("names unrestricted, empty, read-only and counted access", () => {
    expect(permissionSummary("all")).toBe("All permissions");
    expect(permissionSummary([])).toBe("No permissions");
    expect(permissionSummary(["voices_read", "models_read"])).toBe("Read-only");
    expect(permissionSummary(["text_to_speech", "voices_read", "models_read"])).toBe("3 of 51");
  });
});

describe("usageLevel", () => {
  it("warns from 80% and is in danger from 100%", () => {
    expect(usageLevel({ characterLimit: null, characterCount: 5 })).toEqual({ ratio: null, level: "none" });
    expect(usageLevel({ characterLimit: 100, characterCount: 79 }).level).toBe("ok");
    expect(usageLevel({ characterLimit: 100, characterCount: 80 }).level).toBe("warning");
    expect(usageLevel({ characterLimit: 100, characterCount: 100 }).level).toBe("danger");
    expect(usageLevel({ characterLimit: 100, characterCount: 150 }).level).toBe("danger");
    expect(usageLevel({ characterLimit: 0, characterCount: 0 }).level).toBe("danger");
  });
});

describe("allowlistSummary", () => {
  it("says any IP, one range, or the first and how many more", () => {
    expect(allowlistSummary(null)).toBe("Any IP");
    expect(allowlistSummary(["10.0.0.0/8"])).toBe("10.0.0.0/8");
    expect(allowlistSummary(["10.0.0.0/8", "::1/128", "192.0.2.0/24"])).toBe("10.0.0.0/8 +2 more");
  });
});
