import { describe, expect, it } from "vitest";
import { PERMISSIONS, PRODUCT_AREAS, type ProductArea } from "@/lib/permissions";
import { areaAccess, matrixRow } from "./matrix";

const area = (id: string): ProductArea => {
  const found = PRODUCT_AREAS.find((a) => a.id === id);
  if (!found) throw new Error(`no area ${id}`);
  return found;
};

describe("areaAccess", () => {
  it("is all for an unrestricted key, in every area", () => {
    for (const a of PRODUCT_AREAS) expect(areaAccess("all", a)).toBe("all");
  });

  it("is none for a key with no permissions, or none in that area", () => {
    for (const a of PRODUCT_AREAS) expect(areaAccess([], a)).toBe("none");
    expect(areaAccess(["voices_read", "voices_write"], area("dubbing"))).toBe("none");
  });

  it("is read only when every permission there is a _read one", () => {
    expect(areaAccess(["voices_read"], area("voices"))).toBe("read");
    expect(
      areaAccess(["voices_read", "pronunciation_dictionaries_read", "text_to_speech"], area("voices")),
    ).toBe("read");
    expect(
      areaAccess(
        ["audit_log_read", "workspace_members_read", "workspace_analytics_full_read"],
        area("workspace"),
      ),
    ).toBe("read");
  });

  it("is write for a write, a write without its read, or an action", () => {
    expect(areaAccess(["voices_read", "voices_write"], area("voices"))).toBe("write");
    expect(areaAccess(["dubbing_write"], area("dubbing"))).toBe("write");
    expect(areaAccess(["text_to_speech"], area("audio"))).toBe("write");
    expect(areaAccess(["audit_log_read", "webhooks_write"], area("workspace"))).toBe("write");
    expect(areaAccess(["synthid_detector"], area("safety"))).toBe("write");
  });

  it("works for an area object it has not seen before", () => {
    const custom: ProductArea = {
      id: "custom",
      label: "Custom",
      controls: [{ kind: "single", label: "Flows", permission: "flows" }],
    };
    expect(areaAccess(["flows"], custom)).toBe("write");
    expect(areaAccess(["voices_read"], custom)).toBe("none");
  });
});

describe("matrixRow", () => {
  it("has one cell per product area, keyed by id", () => {
    expect(Object.keys(matrixRow([]))).toEqual(PRODUCT_AREAS.map((a) => a.id));
    expect(new Set(Object.values(matrixRow("all")))).toEqual(new Set(["all"]));
  });

  it.each(PERMISSIONS)("puts %s in exactly one area, as read only if it is a _read", (p) => {
    const cells = Object.values(matrixRow([p])).filter((cell) => cell !== "none");
    expect(cells).toEqual([p.endsWith("_read") ? "read" : "write"]);
  });

  it("mixes levels across areas", () => {
    expect(matrixRow(["voices_read", "text_to_speech", "convai_read", "convai_write"])).toEqual({
      audio: "write",
      voices: "read",
      dubbing: "none",
      studio: "none",
      convai: "write",
      account: "none",
      workspace: "none",
      safety: "none",
    });
  });
});
