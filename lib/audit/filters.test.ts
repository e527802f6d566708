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
    expect(paths({ from: "yesterday" })).toEqual(["from"]);
    expect(paths({ from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z" })).toEqual(["to"]);
    expect(paths({ before: "-3" })).toEqual(["before"]);
    expect(paths({ limit: "501" })).toEqual(["limit"]);
    expect(auditFiltersSchema.parse({ from: "2025-01-01T10:00:00+02:00" })).toEqual({
      from: "2025-01-01T10:00:00+02:00",
    });
  });

  it("exports as csv or json only", () => {
    expect(auditExportSchema.parse({ format: "csv", action: "key.update" })).toEqual({
      format: "csv",
      action: "key.update",
    });
    expect(auditExportSchema.safeParse({ format: "xlsx" }).success).toBe(false);
  });
});
