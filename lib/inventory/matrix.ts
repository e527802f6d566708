// The permission matrix: one cell per product area saying how far a key reaches into it, so a
// reviewer compares keys across 51 permissions at a glance.
import {
  PRODUCT_AREAS,
  controlPermissions,
  type Permission,
  type Permissions,
  type ProductArea,
} from "@/lib/permissions";

/** Ordered from least to most: "all" is only for unrestricted keys, which also get what is added later. */
export type AreaAccess = "none" | "read" | "write" | "all";

// Worked out once: the matrix is drawn for every visible row.
const AREA_PERMISSIONS = new Map<string, ReadonlySet<Permission>>(
  PRODUCT_AREAS.map((area) => [area.id, new Set(area.controls.flatMap(controlPermissions))]),
);

/**
 * "read" only when every permission the key has in the area is a `_read` one; anything else there
 * (a write, or an action such as text_to_speech) can change or spend something, so it is "write".
 */
export function areaAccess(permissions: Permissions, area: ProductArea): AreaAccess {
  if (permissions === "all") return "all";
  const inArea = AREA_PERMISSIONS.get(area.id) ?? new Set(area.controls.flatMap(controlPermissions));
  let any = false;
  for (const p of permissions) {
    if (!inArea.has(p)) continue;
    if (!p.endsWith("_read")) return "write";
    any = true;
  }
  return any ? "read" : "none";
}

/** One cell per product area, keyed by area id, for the areas in PRODUCT_AREAS. */
export function matrixRow(permissions: Permissions): Record<string, AreaAccess> {
  const row: Record<string, AreaAccess> = {};
  for (const area of PRODUCT_AREAS) row[area.id] = areaAccess(permissions, area);
  return row;
}
