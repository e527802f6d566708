// The permission matrix: one cell per product area saying how far a key reaches into it, so a
// reviewer compares keys across 51 permissions at a glance.
import {
  PERMISSIONS,
  PRODUCT_AREAS,
  controlPermissions,
  type Permission,
  type Permissions,
  type ProductArea,
} from "@/lib/permissions";
import type { KeyPermissions, PermissionModel } from "@/lib/providers/types";
import type { InventoryRow } from "./types";

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

// ---------------------------------------------------------------------------------------------
// One matrix per permission model: ElevenLabs' permissions by product area (above), DocSpace's
// scopes by resource, Voiceable's key type. Which matrix a key goes in, and its columns, come from
// its provider's capabilities (the permission model), never from the provider's name.

export interface MatrixColumn {
  id: string;
  label: string;
}

export interface MatrixCell {
  level: AreaAccess;
  /** Words for the cell where the level's own word would not say it (a key type). */
  label?: string;
}

export interface PermissionMatrixModel {
  kind: PermissionModel["kind"];
  /** What the matrix is of: "permissions", "scopes", "key type". */
  title: string;
  columns: MatrixColumn[];
  cell(access: KeyPermissions, column: MatrixColumn): MatrixCell;
}

const NONE: MatrixCell = { level: "none" };

/** Scopes' resources in catalogue order: `files` from `files:read` and `files:write`; `*` is every one. */
export function scopeResources(values: readonly string[]): string[] {
  const resources: string[] = [];
  for (const scope of values) {
    const [resource, verb] = scope.split(":");
    if (!resource || resource === "*" || !verb || resources.includes(resource)) continue;
    resources.push(resource);
  }
  return resources;
}

/** How far a scope list reaches into one resource: `*` is all, `*:write` or `r:write` write, reads read. */
export function scopeAccess(value: "all" | readonly string[], resource: string): AreaAccess {
  if (value === "all") return "all";
  if (value.includes("*:write") || value.includes(`${resource}:write`)) return "write";
  if (value.includes("*:read") || value.includes(`${resource}:read`)) return "read";
  return "none";
}

const KEY_TYPE_LABEL: Record<string, string> = { private: "Private", public: "Public" };

/** The matrix of one permission model. */
export function matrixModel(model: PermissionModel): PermissionMatrixModel {
  switch (model.kind) {
    case "permission_list":
      return {
        kind: model.kind,
        title: "permissions",
        columns: PRODUCT_AREAS.map((area) => ({ id: area.id, label: area.label })),
        cell: (access, column) => {
          if (access.kind !== "permission_list") return NONE;
          const area = PRODUCT_AREAS.find((a) => a.id === column.id);
          return area ? { level: areaAccess(access.value, area) } : NONE;
        },
      };
    case "scopes":
      return {
        kind: model.kind,
        title: "scopes",
        columns: scopeResources(model.values).map((r) => ({ id: r, label: r })),
        cell: (access, column) =>
          access.kind === "scopes" ? { level: scopeAccess(access.value, column.id) } : NONE,
      };
    case "key_type":
      return {
        kind: model.kind,
        title: "key type",
        columns: [{ id: "key_type", label: "Key type" }],
        // A private key acts as the account (all); a public one is limited to what browsers may do.
        cell: (access) =>
          access.kind === "key_type"
            ? {
                level: access.value === "private" ? "all" : "read",
                label: KEY_TYPE_LABEL[access.value] ?? access.value,
              }
            : NONE,
      };
  }
}

/** The model of a row built without its connection (the primary workspace's, read the old way). */
const PRIMARY_MODEL: PermissionModel = {
  kind: "permission_list",
  values: PERMISSIONS,
  allowAll: true,
  editable: true,
};

export interface MatrixGroup {
  model: PermissionMatrixModel;
  /** The providers whose keys are in it ("ElevenLabs", "DocSpace"), in the order first seen. */
  providers: string[];
  rows: InventoryRow[];
}

/** The rows split by permission model, one group per model, in the order their first row comes. */
export function matrixGroups(rows: readonly InventoryRow[]): MatrixGroup[] {
  const groups = new Map<PermissionModel["kind"], MatrixGroup>();
  for (const row of rows) {
    const model = row.connection?.capabilities.permissions ?? PRIMARY_MODEL;
    let group = groups.get(model.kind);
    if (!group) groups.set(model.kind, (group = { model: matrixModel(model), providers: [], rows: [] }));
    const provider = row.connection?.capabilities.label ?? "ElevenLabs";
    if (!group.providers.includes(provider)) group.providers.push(provider);
    group.rows.push(row);
  }
  return [...groups.values()];
}
