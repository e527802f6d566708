"use client";
// Whether the screen is narrower than Tailwind's `sm` (640 px): All keys shows cards there instead
// of its table. The server and the first render assume a wide screen (the view is read in the
// browser anyway, so the switch happens before any key is shown).
import { useSyncExternalStore } from "react";

const QUERY = "(max-width: 639.98px)";

function subscribe(listener: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener("change", listener);
  return () => list.removeEventListener("change", listener);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
