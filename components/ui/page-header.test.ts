import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageHeader, SectionHeading, type PageHeaderProps, type SectionHeadingProps } from "./page-header";

// The markup the pages wrote by hand before, on the type scale's steps (app/globals.css).
const H1 = "text-title font-semibold tracking-tight";
const DESCRIPTION = "mt-1 text-sm text-slate-600";

const html = (props: PageHeaderProps) => renderToStaticMarkup(createElement(PageHeader, props));

describe("PageHeader", () => {
  it("is the page's one h1 when there is only a title", () => {
    expect(html({ title: "Overview" })).toBe(`<div><h1 class="${H1}">Overview</h1></div>`);
  });

  it("puts the description under the title", () => {
    expect(html({ title: "All keys", description: "Every key." })).toBe(
      `<div><h1 class="${H1}">All keys</h1><p class="${DESCRIPTION}">Every key.</p></div>`,
    );
  });

  it("takes markup as the title and the description", () => {
    const kbd = createElement("kbd", null, "/");
    expect(html({ title: createElement("span", null, "Find"), description: kbd })).toBe(
      `<div><h1 class="${H1}"><span>Find</span></h1><p class="${DESCRIPTION}"><kbd>/</kbd></p></div>`,
    );
  });

  it("sets the actions beside the title and description, aligned to their bottom", () => {
    const action = createElement("button", { type: "button" }, "Verify");
    expect(html({ title: "Audit log", description: "Newest first.", actions: action })).toBe(
      `<div class="flex flex-wrap items-end justify-between gap-3"><div><h1 class="${H1}">Audit log</h1>` +
        `<p class="${DESCRIPTION}">Newest first.</p></div><button type="button">Verify</button></div>`,
    );
  });

  it("has a smaller title in the small popup pages", () => {
    expect(html({ title: "Confirm it's you", size: "sm" })).toBe(
      `<div><h1 class="text-heading font-semibold tracking-tight">Confirm it&#x27;s you</h1></div>`,
    );
  });

  it("gives sections an h2 on the scale's second step, and sub-sections an h3", () => {
    const section = (level?: 2 | 3) =>
      renderToStaticMarkup(createElement(SectionHeading, { level, id: "s" } as SectionHeadingProps, "Keys"));
    expect(section()).toBe(`<h2 id="s" class="text-heading font-semibold tracking-tight">Keys</h2>`);
    expect(section(3)).toBe(`<h3 id="s" class="text-base font-semibold tracking-tight">Keys</h3>`);
  });
});
