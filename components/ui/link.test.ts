import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { isInAppHref, leftToBrowser, Link } from "./link";

type Click = Parameters<typeof leftToBrowser>[0];
const click = (
  over: Partial<Record<string, unknown>> = {},
  anchor: { target?: string; download?: boolean } = {},
) =>
  ({
    defaultPrevented: false,
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    currentTarget: {
      target: anchor.target ?? "",
      hasAttribute: (name: string) => name === "download" && !!anchor.download,
    },
    ...over,
  }) as unknown as Click;

describe("Link", () => {
  it("moves in the browser only to paths of this origin", () => {
    expect(isInAppHref("/service-accounts/sa_1")).toBe(true);
    expect(isInAppHref("/audit?key=k1")).toBe(true);
    expect(isInAppHref("//evil.example/x")).toBe(false);
    expect(isInAppHref("/\\evil.example")).toBe(false);
    expect(isInAppHref("https://elevenlabs.io")).toBe(false);
    expect(isInAppHref("#main")).toBe(false);
  });

  it("leaves a new tab, a download, another button and a handled click to the browser", () => {
    expect(leftToBrowser(click())).toBe(false);
    expect(leftToBrowser(click({}, { target: "_self" }))).toBe(false);
    for (const key of ["metaKey", "ctrlKey", "shiftKey", "altKey"])
      expect(leftToBrowser(click({ [key]: true }))).toBe(true);
    expect(leftToBrowser(click({ button: 1 }))).toBe(true);
    expect(leftToBrowser(click({ defaultPrevented: true }))).toBe(true);
    expect(leftToBrowser(click({}, { target: "_blank" }))).toBe(true);
    expect(leftToBrowser(click({}, { download: true }))).toBe(true);
  });

  it("is a plain anchor with the attributes it was given (and no prefetch attribute)", () => {
    const html = renderToStaticMarkup(
      createElement(
        Link,
        { href: "/inventory", className: "x", title: "All keys", prefetch: false },
        "All keys",
      ),
    );
    expect(html).toBe('<a href="/inventory" class="x" title="All keys">All keys</a>');
  });
});
