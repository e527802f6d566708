import { describe, expect, it } from "vitest";
import type { KeyRotation } from "@/lib/elevenlabs/types";
import { reminderHeadline, unfinishedRotations } from "./rotation-reminder.logic";

const key = (id: string, name: string, rotation: KeyRotation | null) => ({
  id,
  name,
  serviceAccountId: "sa",
  rotation,
});

describe("unfinishedRotations", () => {
  it("counts each open rotation once, by its old key, the longest-running first", () => {
    const keys = [
      key("a-new", "api", { role: "new", partnerKeyId: "a-old", startedAt: "2026-12-02T00:00:00Z" }),
      key("a-old", "api", { role: "old", partnerKeyId: "a-new", startedAt: "2026-12-02T00:00:00Z" }),
      key("b-old", "billing", { role: "old", partnerKeyId: "b-new", startedAt: "2026-11-29T00:00:00Z" }),
      key("b-new", "billing", { role: "new", partnerKeyId: "b-old", startedAt: "2026-11-29T00:00:00Z" }),
      key("c", "calm", null),
    ];
    expect(unfinishedRotations(keys).map((k) => k.id)).toEqual(["b-old", "a-old"]);
  });

  it("finds none when no key is being replaced", () => {
    expect(unfinishedRotations([key("c", "calm", null)])).toEqual([]);
  });
});

describe("reminderHeadline", () => {
  it("says how many, in words", () => {
    expect(reminderHeadline(1)).toBe("1 rotation not finished");
    expect(reminderHeadline(3)).toBe("3 rotations not finished");
  });
});
