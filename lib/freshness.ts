// How old a read is, in words, for the pages that show a shared read (components/ui/as-of.tsx).

/** "just now", "12 s ago", "3 min ago", "2 h ago": from the read's start to `nowMs`. */
export function updatedAgo(generatedAt: string, nowMs: number): string {
  const seconds = Math.floor((nowMs - Date.parse(generatedAt)) / 1000);
  if (!Number.isFinite(seconds)) return "";
  if (seconds < 2) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

/** HH:MM:SS in the browser's own time zone, 24-hour. */
export function clockTime(generatedAt: string): string {
  return new Date(generatedAt).toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
}
