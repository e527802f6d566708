"use client";
// An audit time in the reader's own time zone, with the exact ISO instant on hover. The server does
// not know the reader's zone, so it prints UTC (marked as such) and the browser swaps in local time
// once it runs: useHydrated gives the server's text during hydration, so nothing mismatches.
import { useHydrated } from "@/components/ui/use-hydrated";

const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useHydrated();
  const at = new Date(iso);
  const text = Number.isNaN(at.getTime())
    ? iso
    : inBrowser
      ? local.format(at)
      : `${iso.replace("T", " ").slice(0, 19)} UTC`;
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
