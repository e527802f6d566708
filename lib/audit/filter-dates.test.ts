// Days as people pick them, turned into the instants the query bounds rows by.
import { describe, expect, it } from "vitest";
import { dateInputValue, isDateInput, localDate, resolveDates, startOfDay } from "./filter-dates";

const NOW = Date.parse("2026-07-15T22:30:00Z");

describe("audit filter dates", () => {
  it("takes days, today, yesterday and exact instants, and nothing else", () => {
    for (const ok of [
      "2026-01-31",
      "today",
      "Yesterday",
      "2026-01-31T09:00:00Z",
      "2026-01-31T09:00:00.5+02:00",
    ])
      expect(isDateInput(ok), ok).toBe(true);
    for (const bad of ["someday", "2026-02-30", "31/01/2026", "2026-01-31T09:00:00", ""])
      expect(isDateInput(bad), bad).toBe(false);
  });

  it("begins a day at the reader's midnight, across a clock change too", () => {
    expect(new Date(startOfDay("2026-07-15", "UTC")).toISOString()).toBe("2026-07-15T00:00:00.000Z");
    expect(new Date(startOfDay("2026-07-15", "Europe/Berlin")).toISOString()).toBe(
      "2026-07-14T22:00:00.000Z",
    );
    expect(new Date(startOfDay("2026-01-15", "Europe/Berlin")).toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    // The day summer time begins in Berlin still begins at midnight (+01:00).
    expect(new Date(startOfDay("2026-03-29", "Europe/Berlin")).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(new Date(startOfDay("2026-07-15", "America/New_York")).toISOString()).toBe(
      "2026-07-15T04:00:00.000Z",
    );
    // 22:30 UTC is already the next day in Berlin.
    expect(localDate(NOW, "Europe/Berlin")).toBe("2026-07-16");
  });

  it("resolves words, days and presets to inclusive bounds", () => {
    expect(resolveDates({ from: "today", tz: "Europe/Berlin" }, NOW)).toEqual({
      from: "2026-07-15T22:00:00.000Z",
    });
    expect(resolveDates({ from: "yesterday", to: "yesterday" }, NOW)).toEqual({
      from: "2026-07-14T00:00:00.000Z",
      to: "2026-07-14T23:59:59.999Z",
    });
    expect(resolveDates({ range: "today" }, NOW)).toEqual({ from: "2026-07-15T00:00:00.000Z" });
    expect(resolveDates({ range: "30d", from: "2001-01-01" }, NOW)).toEqual({
      from: "2026-06-15T22:30:00.000Z",
    });
    expect(resolveDates({ from: "2026-01-31T09:00:00Z" }, NOW)).toEqual({ from: "2026-01-31T09:00:00Z" });
  });

  it("shows a date picker the day of a value, or nothing", () => {
    expect(dateInputValue("2026-01-31")).toBe("2026-01-31");
    expect(dateInputValue("2026-01-31T09:00:00Z")).toBe("2026-01-31");
    expect(dateInputValue("someday")).toBe("");
    expect(dateInputValue(undefined)).toBe("");
  });
});
