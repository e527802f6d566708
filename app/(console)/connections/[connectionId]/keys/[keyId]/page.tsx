import type { Metadata } from "next";
import { doctorKeyKind } from "@/lib/doctor/key-kind";
import { notFound, redirect } from "next/navigation";
import { CapabilityNotes } from "@/components/connection-keys/capability-notes";
import { isExpired, lastUsedText } from "@/components/connection-keys/key-text.logic";
import { KeyDoctorSection } from "@/components/doctor/key-doctor-section";
import { ConnectionKeyActions } from "@/components/key-page/connection-key-actions";
import { KeyHeader, type KeyFact } from "@/components/key-page/key-header";
import { KEY_HISTORY_ROWS, KeyHistory } from "@/components/key-page/key-history";
import { KeyPolicies } from "@/components/key-page/key-policies";
import { KeyReadProblem } from "@/components/key-page/key-read-problem";
import { KeyRestrictions } from "@/components/key-page/key-restrictions";
import { KeySection } from "@/components/key-page/key-section";
import { KeyStatus } from "@/components/key-page/key-status";
import { ProviderPermissions } from "@/components/key-page/provider-permissions";
import { RotationDeadline } from "@/components/key-page/rotation-deadline";
import { UsageHistory } from "@/components/key-page/usage-history";
import { NoWorkspaceAccess } from "@/components/ui/no-workspace-access";
import { PageHeader } from "@/components/ui/page-header";
import { UsageMeter } from "@/components/ui/usage-meter";
import { connectionDeps } from "@/lib/api/deps";
import { queryAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/require-user";
import { isPrimaryConnectionId } from "@/lib/connection-ids";
import { canUseConnection, connectionNames, findConnection } from "@/lib/connections";
import { listConnectionKeys } from "@/lib/connection-keys";
import { formatDate, visibleText } from "@/lib/format";
import { ApiError } from "@/lib/http/api-error";
import { keyHref } from "@/lib/key-href";
import { toOtherInventoryKey } from "@/lib/inventory/read-others";
import { keyPolicyReport } from "@/lib/policies/key-breaks";

export const metadata: Metadata = { title: "Key" };

/**
 * One key of a connection other than the primary one, in its provider's terms (capabilities decide
 * what is shown: scopes, a key type, origins, assistants, expiry, a usage meter), with its own audit
 * history and the actions the role and the provider allow. `?group=` names its group where the
 * provider has groups (ElevenLabs' service accounts), as the connection's keys API does.
 */
export default async function ConnectionKeyPage({
  params,
  searchParams,
}: PageProps<"/connections/[connectionId]/keys/[keyId]">) {
  const user = await requireUser();
  const [{ connectionId, keyId }, query] = await Promise.all([params, searchParams]);
  const group = typeof query.group === "string" && query.group !== "" ? query.group : null;
  const deps = await connectionDeps();
  const connection = await findConnection(deps, connectionId);
  if (!connection) notFound();
  // The primary workspace's keys have their page under their service account.
  if (isPrimaryConnectionId(connection.id))
    redirect(group ? keyHref({ connectionId: connection.id, group, keyId }) : "/service-accounts");
  // A user limited away from this connection is told so; nothing is read upstream for them.
  if (!(await canUseConnection(user, connection.id, deps.db)))
    return (
      <div className="space-y-6">
        <PageHeader title="Key" />
        <NoWorkspaceAccess />
      </div>
    );

  const [read, history, names] = await Promise.all([
    listConnectionKeys(deps, user, connection.id).then(
      (answer) => ({ ok: true as const, ...answer }),
      (error: unknown) => {
        if (!ApiError.is(error)) throw error;
        return { ok: false as const, message: error.message, requestId: error.extra.upstreamRequestId };
      },
    ),
    queryAudit(deps.db, { key: { id: keyId, connections: [connection.id] }, limit: KEY_HISTORY_ROWS }),
    connectionNames(deps),
  ]);
  const key = read.ok
    ? read.keys.find((k) => k.id === keyId && (group === null || k.group?.id === group))
    : undefined;
  if (read.ok && !key && history.entries.length === 0) notFound();

  const capabilities = read.ok ? read.capabilities : null;
  const policies =
    key && capabilities
      ? await keyPolicyReport(deps.db, toOtherInventoryKey({ ...key, secretHash: null }), capabilities)
      : null;
  const expired = key ? isExpired(key.expiresAt) : false;
  const facts: KeyFact[] = key
    ? [
        ...(capabilities?.groups && key.group
          ? [{ label: capabilities.groups.label, value: visibleText(key.group.name ?? key.group.id) }]
          : []),
        ...(capabilities?.owner
          ? [{ label: "Owner", value: key.owner ? visibleText(key.owner) : "Unknown" }]
          : []),
        ...(key.hint
          ? [{ label: "Secret ends in", value: <code className="font-mono">…{key.hint}</code> }]
          : []),
        { label: "Created", value: formatDate(key.createdAt) },
        ...(capabilities?.lastUsed ? [{ label: "Last used", value: lastUsedText(key.lastUsedAt) }] : []),
      ]
    : [];
  const fullLog = new URLSearchParams({ target: keyId, connection: connection.id });
  return (
    <div className="space-y-6">
      <KeyHeader
        crumbs={[
          { href: "/connections", label: "Connections" },
          { href: `/connections/${encodeURIComponent(connection.id)}`, label: connection.name },
        ]}
        name={key?.name ?? history.entries.find((e) => e.target.name)?.target.name ?? null}
        keyId={keyId}
        status={
          key ? (
            <KeyStatus
              enabled={key.enabled}
              disableReason={key.disableReason}
              expired={expired}
              providerLabel={capabilities?.label}
            />
          ) : null
        }
        facts={facts}
      />
      {capabilities ? (
        <ConnectionKeyActions
          connectionId={connection.id}
          capabilities={capabilities}
          apiKey={key ?? null}
          role={user.role}
        />
      ) : null}
      {!read.ok ? (
        <KeyReadProblem problem={{ kind: "upstream", message: read.message, requestId: read.requestId }} />
      ) : !key ? (
        <KeyReadProblem problem={{ kind: "gone", where: connection.name }} />
      ) : (
        <>
          <CapabilityNotes capabilities={read.capabilities} />
          <KeySection
            id="key-permissions"
            title={read.capabilities.permissions.kind === "scopes" ? "Scopes" : "Permissions"}
            description="What the key may do."
          >
            <ProviderPermissions permissions={key.permissions} model={read.capabilities.permissions} />
          </KeySection>
          <div className="grid gap-6 lg:grid-cols-2">
            <KeySection
              id="key-restrictions"
              title="Restrictions"
              description="Where and how long it may be used."
            >
              <KeyRestrictions
                restrictions={key.restrictions}
                expiry={read.capabilities.expiry ? { expiresAt: key.expiresAt, expired } : undefined}
              />
            </KeySection>
            {key.restrictions.characterLimit && read.capabilities.characterLimit?.reportsUsage ? (
              <KeySection id="key-usage" title="Usage this month">
                <UsageMeter
                  apiKey={{
                    characterLimit: key.restrictions.characterLimit.limit,
                    characterCount: key.restrictions.characterLimit.used,
                  }}
                />
              </KeySection>
            ) : null}
          </div>
          {policies ? <KeyPolicies report={policies} /> : null}
          <RotationDeadline
            apiKey={{
              kind: "connection",
              connectionId: connection.id,
              keyId,
              group: key.group?.id ?? null,
              canDisable: read.capabilities.disable,
            }}
            role={user.role}
          />
        </>
      )}
      <KeyDoctorSection
        connectionId={connection.id}
        group={key?.group?.id ?? group}
        keyId={keyId}
        keyName={key?.name ?? null}
        role={user.role}
        kind={capabilities ? doctorKeyKind(capabilities) : null}
      />
      <UsageHistory connectionIds={[connection.id]} keyId={keyId} />
      <KeyHistory
        entries={history.entries}
        more={history.nextCursor !== null}
        connectionNames={names}
        fullLogHref={`/audit?${fullLog}`}
      />
    </div>
  );
}
