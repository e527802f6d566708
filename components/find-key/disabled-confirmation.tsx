"use client";

import { useEffect, useRef } from "react";
import { formatClock } from "@/lib/find-key/clock";

/**
 * "Disabled at 14:03:07 by you", on the key's row. It takes focus when it appears: the button that
 * opened the dialog is gone (the key is no longer enabled), and a keyboard user should land on the
 * outcome rather than at the top of the page.
 */
export function DisabledConfirmation({ at }: { at: Date }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      className="mt-1 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-900 outline-offset-2"
    >
      Disabled at <time dateTime={at.toISOString()}>{formatClock(at)}</time> by you
    </p>
  );
}
