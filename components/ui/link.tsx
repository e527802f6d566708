"use client";
// A link inside Keydesk: a plain <a href> (it works before any script runs, opens in a new tab with
// a modifier key or a middle click, and is what a screen reader expects) that, once the page works,
// moves between pages in the browser as next/link does. It is ours because next/link and what it
// pulls in weigh about 3 KiB (gzip) on the first load of every page that shows a link, the header's
// included, and Keydesk uses none of what that buys beyond this: every page is rendered per request,
// so there is nothing to prefetch ahead of time. The page is asked for early when a pointer rests on
// the link or it takes focus, which is when a person is about to follow it.
// The router is read from the context next/link itself reads (next/navigation's useRouter throws
// where there is none): outside Next's app router, as in a unit test's render, the link is plain.
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { useContext, type AnchorHTMLAttributes, type MouseEvent } from "react";

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  href: string;
  /** false: do not ask for the page before the click (a long list of links to rarely opened pages). */
  prefetch?: boolean;
}

/** Same-origin paths only ("/keys", not "//host" or "https://…"); the rest are left to the browser. */
export function isInAppHref(href: string): boolean {
  return href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\");
}

/** A click the browser should handle itself: a new tab or window, a download, not the main button. */
export function leftToBrowser(event: MouseEvent<HTMLAnchorElement>): boolean {
  const anchor = event.currentTarget;
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (anchor.target !== "" && anchor.target !== "_self") ||
    anchor.hasAttribute("download")
  );
}

export function Link({ href, prefetch = true, onClick, onPointerEnter, onFocus, ...rest }: LinkProps) {
  const router = useContext(AppRouterContext);
  const inApp = router !== null && isInAppHref(href);
  const warm = () => {
    if (prefetch && inApp) router.prefetch(href);
  };
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        onClick?.(event);
        if (!inApp || leftToBrowser(event)) return;
        event.preventDefault();
        router.push(href);
      }}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        warm();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        warm();
      }}
    />
  );
}
