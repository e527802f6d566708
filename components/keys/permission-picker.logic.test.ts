import { describe, expect, it } from "vitest";
import { PERMISSIONS, PRODUCT_AREAS, type PermissionControl } from "@/lib/permissions";
import {
  describePermissions,
  filterAreas,
  pairLevel,
  permissionsFrom,
  READ_ONLY_PRESET,
  setPairLevel,
  setSingle,
} from "./permission-picker.logic";

const voices = PRODUCT_AREAS.flatMap((a) => a.controls).find((c) => c.label === "Voices") as Extract<
  PermissionControl,
  { kind: "pair" }
>;

describe("permission picker", () => {
  it("reads a pair's level; write counts even without read", () => {
    expect(pairLevel([], voices)).toBe("none");
    expect(pairLevel(["voices_read"], voices)).toBe("read");
    expect(pairLevel(["voices_write"], voices)).toBe("write");
  });

  it("Write includes Read, and None removes both", () => {
    expect(setPairLevel(["text_to_speech"], voices, "write")).toEqual([
      "text_to_speech",
      "voices_read",
      "voices_write",
    ]);
    expect(setPairLevel(["voices_read", "voices_write"], voices, "read")).toEqual(["voices_read"]);
    expect(setPairLevel(["voices_read", "voices_write"], voices, "none")).toEqual([]);
  });

  it("toggles a single permission and keeps enum order without repeats", () => {
    expect(setSingle(["voices_read"], "text_to_speech", true)).toEqual(["text_to_speech", "voices_read"]);
    expect(setSingle(["text_to_speech", "text_to_speech"], "text_to_speech", true)).toEqual([
      "text_to_speech",
    ]);
    expect(setSingle(["text_to_speech"], "text_to_speech", false)).toEqual([]);
  });

  it("presets: read-only is every *_read; copying from an unrestricted key spells out all 51", () => {
    expect(READ_ONLY_PRESET.every((p) => p.endsWith("_read"))).toBe(true);
    expect(READ_ONLY_PRESET).toContain("voices_read");
    expect(permissionsFrom("all")).toHaveLength(PERMISSIONS.length);
    expect(permissionsFrom(["voices_read", "text_to_speech"])).toEqual(["text_to_speech", "voices_read"]);
  });

  it("every permission of the enum has exactly one control", () => {
    const covered = PRODUCT_AREAS.flatMap((a) => a.controls).flatMap((c) =>
      c.kind === "pair" ? [c.read, c.write] : [c.permission],
    );
    expect(new Set(covered).size).toBe(covered.length);
    expect([...covered].sort()).toEqual([...PERMISSIONS].sort());
  });

  it("filters by control label, area label or permission name", () => {
    expect(filterAreas("dubbing").map((a) => a.id)).toEqual(["dubbing"]);
    expect(filterAreas("webhooks")[0]!.controls.map((c) => c.label)).toEqual(["Webhooks"]);
    expect(filterAreas("voices_write").flatMap((a) => a.controls.map((c) => c.label))).toEqual(["Voices"]);
    expect(filterAreas("")).toHaveLength(PRODUCT_AREAS.length);
    expect(filterAreas("zzz")).toEqual([]);
  });

  it("describes access in plain words", () => {
    expect(describePermissions(["text_to_speech", "voices_read"])).toEqual([
      "Text to Speech and audio: Text to Speech",
      "Voices: Voices (read)",
    ]);
    expect(describePermissions([])[0]).toMatch(/^Nothing/);
    expect(describePermissions("all")[0]).toMatch(/^Everything/);
  });
});
