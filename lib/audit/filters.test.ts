import { describe, expect, it } from "vitest";
import { auditExportSchema, auditFiltersSchema, auditPageSchema } from "./filters";

describe("audit filter schemas", () => {
  it("treats empty search parameters as no filter and reads numbers from text", () => {
    expect(
      auditPageSchema.parse({
        actor: "",
        action: " ",
        target: "key_1",
        from: "",
        before: "120",
        limit: "25",
      }),
    ).toEqual({
      target: "key_1",
      before: 120,
      limit: 25,
    });
    expect(auditPageSchema.parse({})).toEqual({ limit: 50 });
  });

  it("refuses bad times, a reversed range, a bad cursor and an oversized page, naming the field", () => {
    const paths = (input: unknown) =>
      auditPageSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(paths({ from: "someday" })).toEqual(["from"]);
    expect(auditPageSchema.safeParse({ to: "2025-02-30" }).error?.issues[0]?.message).toMatch(
      /^To: "2025-02-30" is not a date/,
    );
    expect(paths({ range: "week" })).toEqual(["range"]);
    expect(paths({ tz: "Mars/Olympus_Mons" })).toEqual(["tz"]);
    expect(paths({ from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z" })).toEqual(["to"]);
    expect(paths({ before: "-3" })).toEqual(["before"]);
    expect(paths({ limit: "501" })).toEqual(["limit"]);
    expect(auditFiltersSchema.parse({ from: "2025-01-01T10:00:00+02:00" })).toEqual({
      from: "2025-01-01T10:00:00+02:00",
    });
  });

  it("takes picked days as whole days in the reader's zone, and presets instead of days", () => {
    expect(auditFiltersSchema.parse({ from: "2026-03-01", to: "2026-03-02" })).toEqual({
      from: "2026-03-01T00:00:00.000Z",
      to: "2026-03-02T23:59:59.999Z",
    });
    expect(auditFiltersSchema.parse({ from: "2026-03-01", tz: "Europe/Berlin" })).toEqual({
      from: "2026-02-28T23:00:00.000Z",
    });
    const now = Date.now();
    const { from } = auditFiltersSchema.parse({ range: "7d", from: "2001-01-01", to: "2001-01-02" });
    expect(Math.abs(Date.parse(from!) - (now - 7 * 86_400_000))).toBeLessThan(60_000);
    expect(auditFiltersSchema.parse({ range: "all", from: "2001-01-01" })).toEqual({});
  });

  it("exports as csv or json only", () => {
    expect(auditExportSchema.parse({ format: "csv", action: "key.update" })).toEqual({
      format: "csv",
      action: "key.update",
    });
    expect(auditExportSchema.safeParse({ format: "xlsx" }).success).toBe(false);
  });
});
