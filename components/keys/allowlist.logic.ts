// The IP allowlist editor's logic: pasted text to rows, each row checked and shown as it will be
// saved, repeats flagged, the size limit, and the "would this address be allowed?" tester.
import {
  allowlistEntryProblem,
  isAllowedByAllowlist,
  normaliseAllowlistEntry,
  parseIpAddress,
} from "@/lib/ip/cidr";
import { ALLOWLIST_MAX } from "@/lib/keys/schema";

/** One entry per line; commas, semicolons and spaces also separate, so a pasted CSV line works. */
export function splitPastedEntries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface AllowlistRowCheck {
  raw: string;
  /** How it will be saved, or null when it is not an address or range (or is empty). */
  normalised: string | null;
  error: string | null;
  /** 0-based index of the earlier row this one repeats. */
  duplicateOf: number | null;
}

export function checkAllowlistRows(rows: readonly string[]): {
  rows: AllowlistRowCheck[];
  tooMany: boolean;
  validEntries: string[];
} {
  const seen = new Map<string, number>();
  const checked = rows.map((raw, i): AllowlistRowCheck => {
    const text = raw.trim();
    if (text === "") return { raw, normalised: null, error: null, duplicateOf: null };
    const normalised = normaliseAllowlistEntry(text);
    if (normalised === null)
      return { raw, normalised, error: allowlistEntryProblem(text), duplicateOf: null };
    const first = seen.get(normalised);
    if (first !== undefined)
      return { raw, normalised, error: `Same as entry ${first + 1} (${normalised})`, duplicateOf: first };
    seen.set(normalised, i);
    return { raw, normalised, error: null, duplicateOf: null };
  });
  const filled = rows.filter((r) => r.trim() !== "").length;
  return { rows: checked, tooMany: filled > ALLOWLIST_MAX, validEntries: [...seen.keys()] };
}

/** The rows the form saves: the non-empty ones, or null (no allowlist) when there are none. */
export function rowsToAllowedIps(rows: readonly string[]): string[] | null {
  const filled = rows.map((r) => r.trim()).filter(Boolean);
  return filled.length === 0 ? null : filled;
}

/** Pastes lines into the row at `index`, replacing it, and keeps one empty row at the end for typing. */
export function pasteIntoRows(rows: readonly string[], index: number, text: string): string[] {
  const entries = splitPastedEntries(text);
  const next = [...rows.slice(0, index), ...entries, ...rows.slice(index + 1)];
  return next.length === 0 || next.at(-1)!.trim() !== "" ? [...next, ""] : next;
}

export type TesterResult =
  { kind: "empty" } | { kind: "invalid" } | { kind: "allowed"; reason: string } | { kind: "refused" };

export function testAddress(entries: readonly string[] | null, ip: string): TesterResult {
  const text = ip.trim();
  if (!text) return { kind: "empty" };
  if (!parseIpAddress(text)) return { kind: "invalid" };
  if (entries === null) return { kind: "allowed", reason: "no allowlist: every address may use the key" };
  const match = entries.find((entry) => isAllowedByAllowlist([entry], text));
  return match ? { kind: "allowed", reason: `matches ${match}` } : { kind: "refused" };
}
