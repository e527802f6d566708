"use client";
// How fresh a shared read is: "As of 14:03:27 (updated 12 s ago)". The time is a <time> with the
// exact moment; the "ago" part counts up each second, in the browser only (the server's HTML has
// none, so the first render agrees with it). Not a live region: a screen reader would otherwise
// hear it every second; the Refresh beside it announces its own progress.
import { useSyncExternalStore } from "react";
import { clockTime, updatedAgo } from "@/lib/freshness";

/** One ticking clock for every AsOf on the page, in whole seconds (a stable snapshot between ticks). */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}
const nowSeconds = () => Math.floor(Date.now() / 1000);
const onServer = () => null;

export function AsOf({ generatedAt, className }: { generatedAt: string; className?: string }) {
  const now = useSyncExternalStore(subscribe, nowSeconds, onServer);
  return (
    <span className={className ?? "text-sm text-slate-600"}>
      As of{" "}
      <time dateTime={generatedAt} title={new Date(generatedAt).toISOString()}>
        {clockTime(generatedAt)}
      </time>
      {now !== null ? ` (updated ${updatedAgo(generatedAt, now * 1000)})` : ""}
    </span>
  );
}
