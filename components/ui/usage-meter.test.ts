import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UsageMeter } from "./usage-meter";

const meter = (characterLimit: number | null, characterCount: number | null) =>
  renderToStaticMarkup(createElement(UsageMeter, { apiKey: { characterLimit, characterCount } }));

describe("UsageMeter", () => {
  it("reads a limit of 0 as blocked, not as a limit reached", () => {
    const html = meter(0, 0);
    expect(html).toContain("Blocked (limit 0)");
    expect(html).not.toContain("limit reached");
    expect(html).not.toContain("0 / 0");
    expect(html).toContain('aria-valuetext="Blocked (limit 0): every request is refused"');
  });

  it("says what a blocked key used before it was blocked", () => {
    expect(meter(0, 1200)).toContain("Blocked (limit 0) · 1,200 used");
  });

  it("keeps the usual reading for other limits", () => {
    expect(meter(1000, 1000)).toContain("1,000 / 1,000 · limit reached");
    expect(meter(1000, 850)).toContain("850 / 1,000 · near limit");
    expect(meter(null, 5)).toContain("5 used · no limit");
  });
});
