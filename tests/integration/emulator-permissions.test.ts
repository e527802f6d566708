// The emulator keeps its own copy of ElevenLabs' permission enum (so that it checks Keydesk rather
// than echoing it); this holds the two lists to the same members. When they part, one of them
// no longer matches upstream's PermissionType: check API.md §4 before changing either.
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/permissions";
import { PERMISSION_TYPES } from "@/lib/emulator/elevenlabs/permissions";

describe("the emulator's permission list and Keydesk's", () => {
  it("have the same members, each once", () => {
    expect([...PERMISSION_TYPES].sort()).toEqual([...PERMISSIONS].sort());
    expect(new Set(PERMISSION_TYPES).size).toBe(PERMISSION_TYPES.length);
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
  });

  it("hold the 51 values of SDK 2.73", () => {
    expect(PERMISSION_TYPES).toHaveLength(51);
  });
});
