import { permissionDescription } from "@/lib/permission-descriptions";
import {
  controlPermissions,
  PERMISSIONS,
  PRODUCT_AREAS,
  permissionLabel,
  type Permission,
  type Permissions,
} from "@/lib/permissions";
import { Flag } from "./key-section";
import { UnknownValues, UnrestrictedNotice } from "./unrestricted-notice";

/**
 * An ElevenLabs key's permissions by name, grouped by product area as the picker groups them, each
 * with what it allows. "all" is said first and plainly: it is every permission, today's and later ones.
 */
export function ElevenLabsPermissions({
  permissions,
  unknown,
}: {
  permissions: Permissions;
  unknown: readonly string[];
}) {
  if (permissions === "all") {
    return (
      <div className="space-y-3">
        <UnrestrictedNotice>
          This key has every permission, including any ElevenLabs adds later: it can do everything the
          workspace can.
        </UnrestrictedNotice>
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-indigo-800">
            What that includes ({PERMISSIONS.length} permissions)
          </summary>
          <div className="mt-3">
            <PermissionAreas granted={new Set(PERMISSIONS)} />
          </div>
        </details>
      </div>
    );
  }
  const granted = new Set<Permission>(permissions);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {permissions.length === 0 ? (
          <>
            <Flag>No permissions</Flag> The key can call nothing until it is given some.
          </>
        ) : (
          `${permissions.length} of ${PERMISSIONS.length} permissions.`
        )}
      </p>
      {permissions.length > 0 ? <PermissionAreas granted={granted} /> : null}
      <UnknownValues values={unknown} />
    </div>
  );
}

/** The product areas that hold a granted permission, each with its permissions in picker order. */
function PermissionAreas({ granted }: { granted: ReadonlySet<Permission> }) {
  const areas = PRODUCT_AREAS.map((area) => ({
    area,
    permissions: area.controls.flatMap(controlPermissions).filter((p) => granted.has(p)),
  })).filter((a) => a.permissions.length > 0);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {areas.map(({ area, permissions }) => (
        <div key={area.id}>
          <h3 className="text-sm font-semibold text-slate-900">{area.label}</h3>
          <dl className="mt-1 space-y-1.5 text-sm">
            {permissions.map((p) => (
              <div key={p}>
                <dt className="font-medium text-slate-900">
                  {permissionLabel(p)}{" "}
                  <code className="font-mono text-xs font-normal text-slate-600">{p}</code>
                </dt>
                <dd className="text-slate-700">{permissionDescription(p)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
