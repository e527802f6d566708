// The permission picker's state: a restricted key's permission list, read and written through the
// product areas' controls (a read/write pair has None/Read/Write, and Write includes Read).
import {
  PERMISSIONS,
  PRODUCT_AREAS,
  controlPermissions,
  type Permission,
  type PermissionControl,
  type Permissions,
  type ProductArea,
} from "@/lib/permissions";

export type PairLevel = "none" | "read" | "write";

/** In enum order, without repeats, so two pickers with the same choices produce the same list. */
export function sortPermissions(list: Iterable<Permission>): Permission[] {
  const set = new Set(list);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function pairLevel(
  list: readonly Permission[],
  control: Extract<PermissionControl, { kind: "pair" }>,
): PairLevel {
  if (list.includes(control.write)) return "write";
  return list.includes(control.read) ? "read" : "none";
}

export function setPairLevel(
  list: readonly Permission[],
  control: Extract<PermissionControl, { kind: "pair" }>,
  level: PairLevel,
): Permission[] {
  const set = new Set(list);
  set.delete(control.read);
  set.delete(control.write);
  if (level === "read" || level === "write") set.add(control.read);
  if (level === "write") set.add(control.write);
  return sortPermissions(set);
}

export function setSingle(list: readonly Permission[], permission: Permission, on: boolean): Permission[] {
  const set = new Set(list);
  if (on) set.add(permission);
  else set.delete(permission);
  return sortPermissions(set);
}

export const READ_ONLY_PRESET: Permission[] = PERMISSIONS.filter((p) => p.endsWith("_read"));
export const TTS_ONLY_PRESET: Permission[] = ["text_to_speech"];

/** Copying from an unrestricted key gives every permission, spelled out, so it can then be narrowed. */
export function permissionsFrom(source: Permissions): Permission[] {
  return source === "all" ? [...PERMISSIONS] : sortPermissions(source);
}

/** The areas and controls whose label, area or permission names contain the query. */
export function filterAreas(query: string, areas: readonly ProductArea[] = PRODUCT_AREAS): ProductArea[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...areas];
  return areas
    .map((area) => {
      if (area.label.toLowerCase().includes(q)) return area;
      const controls = area.controls.filter(
        (c) =>
          c.label.toLowerCase().includes(q) ||
          controlPermissions(c).some((p) => p.replaceAll("_", " ").includes(q) || p.includes(q)),
      );
      return { ...area, controls };
    })
    .filter((area) => area.controls.length > 0);
}

/** Plain sentences for the review step: what the key will be able to do. */
export function describePermissions(permissions: Permissions): string[] {
  if (permissions === "all")
    return ["Everything any ElevenLabs API key can do, including what ElevenLabs adds later."];
  if (permissions.length === 0) return ["Nothing: the key is accepted but every call is refused."];
  const lines: string[] = [];
  for (const area of PRODUCT_AREAS) {
    const parts: string[] = [];
    for (const control of area.controls) {
      if (control.kind === "pair") {
        const level = pairLevel(permissions, control);
        if (level !== "none")
          parts.push(`${control.label} (${level === "write" ? "read and write" : "read"})`);
      } else if (permissions.includes(control.permission)) parts.push(control.label);
    }
    if (parts.length > 0) lines.push(`${area.label}: ${parts.join(", ")}`);
  }
  return lines;
}
