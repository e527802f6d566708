import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, buttonVariants, type ButtonProps } from "./button";

// The class strings the buttons carried before there was one Button: every variant must keep its look.
const BEFORE = {
  primary:
    "rounded-md bg-indigo-600 px-3 py-2 " +
    "text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60",
  secondary:
    "rounded-md border border-slate-300 px-3 py-2 " +
    "text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60",
  danger:
    "rounded-md bg-red-700 px-3 py-2 " +
    "text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60",
  secondarySm:
    "rounded-md border border-slate-300 px-2.5 py-1 " +
    "text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60",
  secondaryXs:
    "rounded-md border border-slate-300 px-2 py-1 " +
    "text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60",
  link: "font-medium text-indigo-700 underline disabled:opacity-60",
};

const classSet = (classes: string) => new Set(classes.split(/\s+/).filter(Boolean));

describe("buttonVariants", () => {
  it.each([
    ["primary", {}, BEFORE.primary],
    ["primary (the default)", { variant: "primary" }, BEFORE.primary],
    ["secondary", { variant: "secondary" }, BEFORE.secondary],
    ["danger", { variant: "danger" }, BEFORE.danger],
    ["secondary, small", { variant: "secondary", size: "sm" }, BEFORE.secondarySm],
    ["secondary, extra small", { variant: "secondary", size: "xs" }, BEFORE.secondaryXs],
    ["link", { variant: "link", size: "inline" }, BEFORE.link],
  ] as const)("%s gives the same classes as before", (_, options, before) => {
    expect(classSet(buttonVariants(options))).toEqual(classSet(before));
  });

  it("adds the caller's classes after the variant's", () => {
    expect(buttonVariants({ variant: "secondary", className: "ml-auto" }).split(" ").at(-1)).toBe("ml-auto");
  });
});

describe("Button", () => {
  it("renders a native button with its type, name, state and attributes untouched", () => {
    // data-* attributes are only typed in JSX; as a plain object they go in through a wider type.
    const props = {
      type: "submit",
      variant: "danger",
      disabled: true,
      "aria-describedby": "why",
      "data-testid": "go",
    } as ButtonProps;
    const html = renderToStaticMarkup(createElement(Button, props, "Delete key"));
    const danger = buttonVariants({ variant: "danger" });
    expect(html).toBe(
      `<button type="submit" class="${danger}" disabled="" aria-describedby="why" data-testid="go">` +
        "Delete key</button>",
    );
  });

  it("keeps the type the caller gives, so a button in a form never submits by accident", () => {
    const html = renderToStaticMarkup(createElement(Button, { type: "button" }, "Cancel"));
    expect(html).toContain(`type="button"`);
  });
});
