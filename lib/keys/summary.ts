// Short, human summaries of a key's access, limits and allowlist, shared by every view of a key.
import type { Permissions } from "@/lib/permissions";
import type { ApiKey } from "@/lib/elevenlabs/types";

/**
 * How many permissions there are (lib/permissions.ts's PERMISSIONS; summary.test.ts checks they
 * agree). A number here, so that the browser's key tables do not carry the whole list to count it.
 */
export const PERMISSION_COUNT = 51;

export function permissionSummary(permissions: Permissions): string {
  if (permissions === "all") return "All permissions";
  if (permissions.length === 0) return "No permissions";
  if (permissions.every((p) => p.endsWith("_read"))) return "Read-only";
  return `${permissions.length} of ${PERMISSION_COUNT}`;
}

export type UsageLevel = "none" | "ok" | "warning" | "danger";

/** Share of the monthly limit used; warning from 80%, danger from 100%. */
export function usageLevel(key: Pick<ApiKey, "characterLimit" | "characterCount">): {
  ratio: number | null;
  level: UsageLevel;
} {
  if (key.characterLimit === null) return { ratio: null, level: "none" };
  const used = key.characterCount ?? 0;
  const ratio = key.characterLimit === 0 ? (used > 0 ? Infinity : 1) : used / key.characterLimit;
  return { ratio, level: ratio >= 1 ? "danger" : ratio >= 0.8 ? "warning" : "ok" };
}

export function allowlistSummary(allowedIps: string[] | null): string {
  if (allowedIps === null) return "Any IP";
  const [first, ...rest] = allowedIps;
  return rest.length === 0 ? first! : `${first} +${rest.length} more`;
}
