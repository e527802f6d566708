// Creating a key: audited as an attempt before the upstream call and its completion after; never
// retried (a retried create can make two keys). An uncertain answer (5xx, cut connection, timeout)
// is reconciled by re-reading the upstream (reconcile.ts): a key found made is Keydesk's own, linked
// to its attempt, and the person is told its secret was lost (a 502 with `outcome: "applied"`). The secret comes back once, to the caller only;
// handing it over is its own audit event, which records that it happened, never the secret.
import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/http/api-error";
import { appendAudit } from "@/lib/audit";
import type { AuditChanges } from "@/lib/audit/types";
import type { ApiKey, CreatedKey, NewKeyInput } from "@/lib/elevenlabs/types";
import { visibleText } from "@/lib/format";
import { toPublicKey } from "./view";
import { knownKeyIds, recordOwnChangeQuietly, safeName } from "@/lib/observed";
import { keyEvent } from "./audit";
import { readKey } from "./list";
import { withRotations } from "./pairing";
import { auditedWrite, findCreated, notAppliedOrUnknown, UncertainWrite } from "./reconcile";
import type { KeyAction } from "@/lib/audit/actions";
import type { KeyActionContext, KeyDeps } from "./types";

export interface NewKeyResult {
  key: ApiKey;
  /** Shown once; never stored, logged or audited. */
  secret: string;
}

function settings(input: NewKeyInput): AuditChanges {
  return {
    name: { before: null, after: input.name },
    permissions: { before: null, after: input.permissions },
    characterLimit: { before: null, after: input.characterLimit ?? null },
    allowedIps: { before: null, after: input.allowedIps ?? null },
  };
}

/**
 * The new key as the upstream lists it. If that read fails, the key exists anyway and its secret
 * must not be lost: answer with what Keydesk asked for (the hint is the secret's last 4 characters).
 */
async function createdKey(
  deps: KeyDeps,
  serviceAccountId: string,
  keyId: string,
  secret: string,
  input: NewKeyInput,
): Promise<ApiKey> {
  try {
    return await readKey(deps, serviceAccountId, keyId);
  } catch {
    return {
      id: keyId,
      serviceAccountId,
      name: input.name,
      hint: secret.slice(-4),
      hashedSecret: createHash("sha256").update(secret).digest("hex"),
      enabled: true,
      disableReason: null,
      permissions: input.permissions,
      unknownPermissions: [],
      characterLimit: input.characterLimit ?? null,
      characterCount: null,
      allowedIps: input.allowedIps ?? null,
      thirdPartyDisableAllowed: null,
      createdAt: new Date().toISOString(),
      rotation: null,
    };
  }
}

/** Said, never "try again", when a create turned out to have made its key without the secret reaching Keydesk. */
export function secretLostMessage(key: { id: string; name: string }): string {
  // The name as Keydesk keeps it (a secret pasted into a name never reaches an error body) and spelled out.
  return `The key was created but its secret was lost: rotate or delete it. (Key "${visibleText(safeName(key.name))}", id ${visibleText(key.id)}: ElevenLabs answered with an error after making it.)`;
}

/** Creates a key upstream under `action` (key_created or key_rotated) and records the reveal. */
export async function createAndReveal(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  input: NewKeyInput,
  audit: { action: KeyAction; keyId?: string; changes?: AuditChanges; reason?: string | null },
  afterCreate?: (keyId: string) => Promise<void>,
): Promise<NewKeyResult> {
  const event = keyEvent(
    ctx,
    audit.action,
    { serviceAccountId, keyId: audit.keyId, name: input.name },
    audit.changes ?? settings(input),
    audit.reason ?? null,
  );
  let created: CreatedKey;
  try {
    created = await auditedWrite<CreatedKey, ApiKey>(deps.db, event, {
      write: () => deps.upstream.createKey(serviceAccountId, input),
      // Into the snapshot before the completion row, so no inventory read takes it for an outside key.
      recordDone: (made) =>
        recordOwnChangeQuietly(deps.db, { kind: "created", serviceAccountId, keyId: made.keyId, input }),
      check: async (attemptAt) => {
        const [keys, known] = await Promise.all([
          deps.upstream.listKeys(serviceAccountId),
          knownKeyIds(deps.db, serviceAccountId),
        ]);
        return findCreated(keys, known, input.name, attemptAt);
      },
      recordFound: (key) =>
        recordOwnChangeQuietly(deps.db, { kind: "created", serviceAccountId, keyId: key.id, input }),
      createdKeyId: (key) => key.id,
    });
  } catch (error) {
    if (!(error instanceof UncertainWrite)) throw error;
    if (error.check.outcome !== "applied") throw notAppliedOrUnknown(error, "the key was created");
    const found = (error as UncertainWrite<ApiKey>).check as { found: ApiKey };
    if (afterCreate) await afterCreate(found.found.id);
    const [key] = await withRotations(deps.db, [found.found]);
    throw new ApiError("upstream_error", secretLostMessage(found.found), {
      outcome: "applied",
      current: toPublicKey(key!),
      upstreamRequestId: error.upstream.requestId,
    });
  }
  if (afterCreate) await afterCreate(created.keyId);
  const key = await createdKey(deps, serviceAccountId, created.keyId, created.secret, input);
  await appendAudit(deps.db, {
    ...keyEvent(ctx, "key_secret_revealed", { serviceAccountId, keyId: created.keyId, name: key.name }),
    outcome: "ok",
  });
  return { key, secret: created.secret };
}

export async function createKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  input: NewKeyInput,
): Promise<NewKeyResult> {
  return createAndReveal(deps, ctx, serviceAccountId, input, { action: "key_created" });
}
