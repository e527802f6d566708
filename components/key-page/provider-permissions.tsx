import type { KeyPermissions, PermissionModel } from "@/lib/providers/types";
import { ElevenLabsPermissions } from "./elevenlabs-permissions";
import { Flag } from "./key-section";
import { UnknownValues, UnrestrictedNotice } from "./unrestricted-notice";

/**
 * What a connection's key may do, in its provider's model: a permission list (ElevenLabs), scopes
 * (DocSpace) or a key type (Voiceable), each with what it allows from the provider's capabilities.
 */
export function ProviderPermissions({
  permissions,
  model,
}: {
  permissions: KeyPermissions;
  model: PermissionModel;
}) {
  if (permissions.kind === "permission_list")
    return <ElevenLabsPermissions permissions={permissions.value} unknown={permissions.unknown} />;
  if (permissions.kind === "key_type") {
    const described: Readonly<Record<string, string>> = model.kind === "key_type" ? model.descriptions : {};
    return (
      <dl className="text-sm">
        <dt className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          {permissions.value === "private" ? "Private key" : "Public key"}
          {permissions.value === "private" ? <Flag>Full access</Flag> : null}
        </dt>
        <dd className="text-slate-700">{described[permissions.value] ?? ""}</dd>
        <dd className="mt-1 text-xs text-slate-600">The type is fixed: another type means a new key.</dd>
      </dl>
    );
  }
  const described: Readonly<Record<string, string>> = model.kind === "scopes" ? model.descriptions : {};
  if (permissions.value === "all")
    return (
      <UnrestrictedNotice>
        Every scope (<code className="font-mono">*</code>). {described["*"] ?? ""}
      </UnrestrictedNotice>
    );
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {permissions.value.length} {permissions.value.length === 1 ? "scope" : "scopes"}. A write scope
        includes reading the same things.
      </p>
      <dl className="space-y-1.5 text-sm">
        {permissions.value.map((scope) => (
          <div key={scope}>
            <dt className="font-mono text-xs font-medium text-slate-900">{scope}</dt>
            <dd className="text-slate-700">{described[scope] ?? ""}</dd>
          </div>
        ))}
      </dl>
      <UnknownValues values={permissions.unknown} />
    </div>
  );
}
