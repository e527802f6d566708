"use client";

import type { ReactNode } from "react";
import { ensureRecentSignIn } from "@/lib/http/step-up-prompt";

/**
 * A download that needs a recent sign-in (the exports): a plain link, so the browser saves the
 * file as usual, but a click first checks the sign-in is recent and asks for it in place if not.
 */
export function StepUpDownloadLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      href={href}
      download
      className={className}
      onClick={async (event) => {
        if (event.currentTarget.dataset.checked === "1") {
          delete event.currentTarget.dataset.checked;
          return; // the second, programmatic click: let the browser download
        }
        event.preventDefault();
        const link = event.currentTarget;
        if (await ensureRecentSignIn()) {
          link.dataset.checked = "1";
          link.click();
        }
      }}
    >
      {children}
    </a>
  );
}
