import { describe, expect, it } from "vitest";
import { DOCSPACE_CAPABILITIES as DOCSPACE } from "@/lib/providers/docspace/capabilities";
import { VOICEABLE_CAPABILITIES as VOICEABLE } from "@/lib/providers/voiceable/capabilities";
import { keyActions } from "./key-actions.logic";

const now = Date.parse("2026-06-01T00:00:00Z");
const live = { expiresAt: null, enabled: true };
const expired = { expiresAt: "2026-05-01T00:00:00Z", enabled: true };

describe("keyActions", () => {
  it("offers an admin every leak response the provider has", () => {
    expect(keyActions(DOCSPACE, "admin", live, now)).toEqual({
      edit: true,
      toggle: true,
      leak: ["disable", "rotate", "delete"],
      delete: true,
      frozen: false,
    });
    expect(keyActions(VOICEABLE, "admin", { expiresAt: null, enabled: null }, now).leak).toEqual([
      "rotate",
      "delete",
    ]);
  });

  it("does not offer to disable a key that is already off", () => {
    expect(keyActions(DOCSPACE, "admin", { ...live, enabled: false }, now).leak).toEqual([
      "rotate",
      "delete",
    ]);
  });

  it("lets an expired DocSpace key only be rotated or deleted", () => {
    expect(keyActions(DOCSPACE, "admin", expired, now)).toEqual({
      edit: false,
      toggle: false,
      leak: ["rotate", "delete"],
      delete: true,
      frozen: true,
    });
  });

  it("gives support the switch, or rotation where there is no switch, and reviewers nothing", () => {
    expect(keyActions(DOCSPACE, "support", live, now)).toMatchObject({
      edit: false,
      toggle: true,
      leak: ["disable"],
      delete: false,
    });
    expect(keyActions(VOICEABLE, "support", { expiresAt: null, enabled: null }, now)).toMatchObject({
      toggle: false,
      leak: ["rotate"],
      delete: false,
    });
    expect(keyActions(DOCSPACE, "reviewer", live, now)).toEqual({
      edit: false,
      toggle: false,
      leak: [],
      delete: false,
      frozen: false,
    });
  });
});
