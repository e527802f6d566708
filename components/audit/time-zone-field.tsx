"use client";
// The reader's time zone, sent with the audit filters so "today" and a picked day begin at their own
// midnight. The server cannot know it; without the browser's script the filters fall back to UTC.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";

export function TimeZoneField({ initial }: { initial?: string }) {
  const zone = useSyncExternalStore(subscribe, browserZone, () => initial ?? "");
  return <input type="hidden" name="tz" value={zone} />;
}
