// The monthly character limit as typed: empty means no limit; separators are allowed while typing
// and shown after; anything else is handed to the shared schema as a number it will explain.
import { formatNumber } from "@/lib/format";

export function parseCharacterLimit(text: string): number | null {
  const compact = text.replace(/[\s,_']/g, "");
  if (compact === "") return null;
  // Not a plain number: NaN, which the schema refuses with "Enter a whole number of characters".
  if (!/^[-+]?\d*\.?\d+$/.test(compact)) return Number.NaN;
  return Number(compact);
}

export function formatCharacterLimit(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return Number.isInteger(value) && value >= 0 ? formatNumber(value) : String(value);
}
