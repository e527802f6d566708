import { describe, expect, it } from "vitest";
import type { FinishSchedule } from "@/lib/rotation-schedule/types";
import { countdown, retryingText, scheduleLines, stepText } from "./rotation-deadline.logic";

const T = Date.parse("2026-03-02T09:00:00.000Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(T + ms).toISOString();

describe("countdown", () => {
  it("says hours and minutes while near, days and hours further off", () => {
    expect(countdown(iso(23 * HOUR + 12 * MIN + 30_000), T)).toBe("23 h 12 min");
    expect(countdown(iso(24 * HOUR), T)).toBe("24 h");
    expect(countdown(iso(5 * MIN), T)).toBe("5 min");
    expect(countdown(iso(30_000), T)).toBe("less than a minute");
    expect(countdown(iso(-HOUR), T)).toBe("less than a minute");
    expect(countdown(iso(47 * HOUR + MIN), T)).toBe("47 h 1 min");
    expect(countdown(iso(7 * DAY), T)).toBe("7 d");
    expect(countdown(iso(6 * DAY + 23 * HOUR), T)).toBe("6 d 23 h");
  });
});

describe("stepText", () => {
  it("counts down a near step and dates a far one", () => {
    expect(
      stepText({ at: iso(DAY - 48 * MIN), state: "pending", note: null }, "disabled", "Old key", T),
    ).toBe("Old key disabled in 23 h 12 min (Mar 3, 2026, 8:12 AM UTC).");
    expect(stepText({ at: iso(7 * DAY), state: "pending", note: null }, "deleted", "This key", T)).toBe(
      "This key deleted on Mar 9, 2026, 9:00 AM UTC (in 7 d).",
    );
  });
  it("says how a step ended, and that a due step waits for the job", () => {
    expect(
      stepText(
        { at: iso(0), state: "done", note: "already disabled outside this schedule" },
        "disabled",
        "This key",
        T,
      ),
    ).toBe(
      "This key disabled as scheduled (Mar 2, 2026, 9:00 AM UTC): already disabled outside this schedule.",
    );
    expect(
      stepText({ at: iso(0), state: "failed", note: "failed after 5 tries: x" }, "deleted", "This key", T),
    ).toMatch(/could not be deleted as scheduled .*Finish it by hand\.$/);
    expect(stepText({ at: iso(-MIN), state: "pending", note: null }, "deleted", "This key", T)).toMatch(
      /^This key deleted now: due .*waiting for the next run/,
    );
  });
});

const schedule = (over: Partial<FinishSchedule> = {}): FinishSchedule => ({
  id: 1,
  keyId: "old",
  newKeyId: "new",
  groupId: "sa",
  disable: { at: iso(DAY), state: "pending", note: null },
  delete: { at: iso(7 * DAY), state: "pending", note: null },
  tries: 0,
  lastError: null,
  scheduledByEmail: "admin@example.com",
  scheduledAt: iso(0),
  closedAt: null,
  cancelledAt: null,
  ...over,
});

describe("scheduleLines", () => {
  it("names the key as seen from either side of the pair", () => {
    expect(scheduleLines(schedule(), "old", T)).toEqual([
      "This key disabled in 24 h (Mar 3, 2026, 9:00 AM UTC).",
      "This key deleted on Mar 9, 2026, 9:00 AM UTC (in 7 d).",
    ]);
    expect(scheduleLines(schedule({ disable: null }), "new", T)).toEqual([
      "Old key deleted on Mar 9, 2026, 9:00 AM UTC (in 7 d).",
    ]);
  });
  it("gives dates alone before the browser's clock runs (the server's HTML)", () => {
    expect(scheduleLines(schedule(), "old", null)).toEqual([
      "This key disabled on Mar 3, 2026, 9:00 AM UTC.",
      "This key deleted on Mar 9, 2026, 9:00 AM UTC.",
    ]);
  });
  it("says when tries are failing", () => {
    expect(retryingText(schedule())).toBeNull();
    expect(retryingText(schedule({ tries: 2, lastError: "the provider refused" }))).toBe(
      "The last 2 tries failed: the provider refused. Keydesk tries again every minute.",
    );
  });
});
