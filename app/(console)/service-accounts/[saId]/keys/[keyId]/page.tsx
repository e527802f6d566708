import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KeyDoctorSection } from "@/components/doctor/key-doctor-section";
import { ElevenLabsPermissions } from "@/components/key-page/elevenlabs-permissions";
import { KeyHeader } from "@/components/key-page/key-header";
import { KEY_HISTORY_ROWS, KeyHistory } from "@/components/key-page/key-history";
import { KeyPolicies } from "@/components/key-page/key-policies";
import { KeyReadProblem } from "@/components/key-page/key-read-problem";
import { KeyRestrictions } from "@/components/key-page/key-restrictions";
import { KeySection } from "@/components/key-page/key-section";
import { KeyStatus } from "@/components/key-page/key-status";
import { PrimaryKeyActions } from "@/components/key-page/primary-key-actions";
import { RotationDeadline } from "@/components/key-page/rotation-deadline";
import { RotationState } from "@/components/key-page/rotation-state";
import { UsageHistory } from "@/components/key-page/usage-history";
import { NoWorkspaceAccess } from "@/components/ui/no-workspace-access";
import { PageHeader } from "@/components/ui/page-header";
import { UsageMeter } from "@/components/ui/usage-meter";
import { connectionDeps } from "@/lib/api/deps";
import { queryAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/require-user";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connection-ids";
import { connectionNames } from "@/lib/connections";
import { canUsePrimaryConnection } from "@/lib/connections/primary";
import { primaryConnectionId } from "@/lib/connections/environment";
import { ELEVENLABS_KEY_KIND } from "@/lib/doctor/key-kind";
import { getDatabase } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { keyHref } from "@/lib/key-href";
import { loadServiceAccounts } from "@/lib/keys/load";
import { toPublicKey } from "@/lib/keys/view";
import { keyPolicyReport } from "@/lib/policies/key-breaks";

export const metadata: Metadata = { title: "Key" };

/**
 * One key of the primary workspace: what it may do (by name, with what each permission allows),
 * where and how much, its rotation, its own audit history, and the actions the role allows. Read
 * from the same inventory read as its service account's page; a key no longer there still shows
 * what the audit log holds about it.
 */
export default async function PrimaryKeyPage({ params }: PageProps<"/service-accounts/[saId]/keys/[keyId]">) {
  const user = await requireUser();
  const { saId, keyId } = await params;
  const { db } = await getDatabase();
  // A user limited to other connections is told so; nothing is read upstream for them.
  if (!(await canUsePrimaryConnection(user, db)))
    return (
      <div className="space-y-6">
        <PageHeader title="Key" />
        <NoWorkspaceAccess />
      </div>
    );
  const [result, history, names] = await Promise.all([
    loadServiceAccounts(),
    // Its rows on the primary connection (either id), and those from before connections existed.
    queryAudit(db, {
      key: { id: keyId, connections: [...PRIMARY_CONNECTION_IDS, null] },
      limit: KEY_HISTORY_ROWS,
    }),
    connectionDeps().then(connectionNames),
  ]);
  const account = result.ok ? result.serviceAccounts.find((sa) => sa.id === saId) : undefined;
  const key = account?.keys.find((k) => k.id === keyId);
  if (result.ok && !key && history.entries.length === 0) notFound();

  const policies =
    key && account
      ? await keyPolicyReport(
          db,
          {
            ...key,
            rotation: key.rotation ?? null,
            serviceAccountName: account.name,
            origin: key.origin ?? null,
          },
          null,
        )
      : null;
  const accountHref = `/service-accounts/${encodeURIComponent(saId)}`;
  const partner = key?.rotation ? account?.keys.find((k) => k.id === key.rotation!.partnerKeyId) : undefined;
  const lastKnownName = key?.name ?? history.entries.find((e) => e.target.name)?.target.name ?? null;
  return (
    <div className="space-y-6">
      <KeyHeader
        crumbs={[
          { href: "/service-accounts", label: "Service accounts" },
          { href: accountHref, label: account?.name ?? "Service account" },
        ]}
        name={lastKnownName}
        keyId={keyId}
        status={key ? <KeyStatus enabled={key.enabled} disableReason={key.disableReason} /> : null}
        facts={
          key
            ? [
                { label: "Secret ends in", value: <code className="font-mono">…{key.hint}</code> },
                { label: "Created", value: formatDate(key.createdAt) },
                ...(key.origin === "outside" ? [{ label: "Made", value: "Outside Keydesk" }] : []),
              ]
            : []
        }
      />
      <PrimaryKeyActions apiKey={key ? toPublicKey(key) : null} role={user.role} />
      {!result.ok ? (
        <KeyReadProblem
          problem={{ kind: "upstream", message: result.error.message, requestId: result.error.requestId }}
        />
      ) : !key ? (
        <KeyReadProblem problem={{ kind: "gone", where: account?.name ?? "this workspace" }} />
      ) : (
        <>
          <KeySection
            id="key-permissions"
            title="Permissions"
            description="What the key may do, by product area."
          >
            <ElevenLabsPermissions permissions={key.permissions} unknown={key.unknownPermissions} />
          </KeySection>
          <div className="grid gap-6 lg:grid-cols-2">
            <KeySection
              id="key-restrictions"
              title="Restrictions"
              description="Where and how much it may be used."
            >
              <KeyRestrictions
                restrictions={{
                  ipAllowlist: key.allowedIps,
                  characterLimit: { limit: key.characterLimit, used: key.characterCount },
                }}
              />
            </KeySection>
            <div className="space-y-6">
              <KeySection id="key-usage" title="Usage this month">
                <UsageMeter apiKey={key} />
              </KeySection>
              <KeySection id="key-rotation" title="Rotation">
                <RotationState
                  rotation={key.rotation ?? null}
                  partner={
                    partner ? { name: partner.name, href: keyHref({ group: saId, keyId: partner.id }) } : null
                  }
                />
                <RotationDeadline
                  apiKey={{ kind: "primary", saId, keyId, rotationRole: key.rotation?.role ?? null }}
                  role={user.role}
                />
              </KeySection>
            </div>
          </div>
          {policies ? <KeyPolicies report={policies} /> : null}
        </>
      )}
      <KeyDoctorSection
        connectionId={primaryConnectionId()}
        group={saId}
        keyId={keyId}
        keyName={lastKnownName}
        role={user.role}
        kind={ELEVENLABS_KEY_KIND}
      />
      <UsageHistory connectionIds={PRIMARY_CONNECTION_IDS} keyId={keyId} />
      <KeyHistory
        entries={history.entries}
        more={history.nextCursor !== null}
        connectionNames={names}
        fullLogHref={`/audit?${new URLSearchParams({ target: keyId })}`}
      />
    </div>
  );
}
