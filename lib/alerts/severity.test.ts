import { describe, expect, it } from "vitest";
import { channelTakes } from "./severity";

describe("channelTakes", () => {
  const channel = { enabled: true, kinds: [] as string[], minSeverity: "warning" as const };
  it("takes every kind at or above its minimum severity while enabled", () => {
    expect(channelTakes(channel, { kind: "job_failing", severity: "warning" })).toBe(true);
    expect(channelTakes(channel, { kind: "job_failing", severity: "urgent" })).toBe(true);
    expect(channelTakes(channel, { kind: "job_failing", severity: "info" })).toBe(false);
    expect(channelTakes({ ...channel, enabled: false }, { kind: "job_failing", severity: "urgent" })).toBe(
      false,
    );
  });
  it("takes only the kinds it lists", () => {
    const some = { ...channel, kinds: ["leak_reported"] };
    expect(channelTakes(some, { kind: "leak_reported", severity: "urgent" })).toBe(true);
    expect(channelTakes(some, { kind: "limit_reached", severity: "urgent" })).toBe(false);
  });
});
