// Fixed-locale formatting, so the server and the browser print the same thing.
const numberFormat = new Intl.NumberFormat("en-US");
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export const formatNumber = (n: number) => numberFormat.format(n);

export function formatDate(iso: string | null): string {
  return iso === null ? "Unknown" : dateFormat.format(new Date(iso));
}

export function formatPercent(ratio: number): string {
  return Number.isFinite(ratio) ? `${Math.round(ratio * 100)}%` : "over";
}
