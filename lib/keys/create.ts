// Creating a key: audited as an attempt before the upstream call and its completion after; never
// retried (a retried create can make two keys). An uncertain answer (5xx, cut connection, timeout)
// is reconciled by re-reading the upstream (reconcile.ts): a key found made is Keydesk's own, linked
// to its attempt, and the person is told its secret was lost (a 502 with `outcome: "applied"`). The secret comes back once, to the caller only;
// handing it over is its own audit event, which records that it happened, never the secret.
import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/http/api-error";
import type { AuditChanges } from "@/lib/audit/types";
import type { Db } from "@/lib/db/database";
import type { ApiKey, CreatedKey, KeyRotation, NewKeyInput } from "@/lib/elevenlabs/types";
import { visibleText } from "@/lib/format";
import { toPublicKey } from "./view";
import { knownKeyIds, recordOwnChangeQuietly, safeName } from "@/lib/observed";
import { keyEvent } from "./audit";
import { withRotations } from "./pairing";
import { auditedWrite, findCreated, notAppliedOrUnknown, UncertainWrite } from "./reconcile";
import type { KeyAction } from "@/lib/audit/actions";
import type { KeyActionContext, KeyDeps } from "./types";
import { assertKeyKeepsPolicies } from "@/lib/policies/enforce";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { intendedKey, PRIMARY_FIELD_NAMES } from "./policy-subject";

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
 * The new key as the upstream lists it, made from what Keydesk sent and the create's answer: no
 * read-back (a second upstream round trip) for what is already known. The list shows the name,
 * permissions, limit and allowlist as sent (the schema has trimmed and normalised them as the
 * upstream does), the secret's last 4 characters as its hint and its SHA-256 as its hash, the key
 * enabled, nothing used yet, and the upstream's clock in whole seconds as its creation time, for
 * which the second the answer arrived stands in (see DECISIONS.md). A test compares it with a
 * read-back (write-cost.test.ts).
 */
function createdKey(
  serviceAccountId: string,
  created: CreatedKey,
  input: NewKeyInput,
  rotation: KeyRotation | null,
  answeredAt: number,
): ApiKey {
  return {
    id: created.keyId,
    serviceAccountId,
    name: input.name,
    hint: created.secret.slice(-4),
    hashedSecret: createHash("sha256").update(created.secret).digest("hex"),
    enabled: true,
    disableReason: null,
    permissions: input.permissions,
    unknownPermissions: [],
    characterLimit: input.characterLimit ?? null,
    characterCount: 0,
    allowedIps: input.allowedIps ?? null,
    thirdPartyDisableAllowed: null,
    createdAt: new Date(Math.floor(answeredAt / 1000) * 1000).toISOString(),
    rotation,
  };
}

/** Said, never "try again", when a create turned out to have made its key without the secret reaching Keydesk. */
export function secretLostMessage(key: { id: string; name: string }): string {
  // The name as Keydesk keeps it (a secret pasted into a name never reaches an error body) and spelled out.
  return `The key was created but its secret was lost: rotate or delete it. (Key "${visibleText(safeName(key.name))}", id ${visibleText(key.id)}: ElevenLabs answered with an error after making it.)`;
}

/**
 * Creates a key upstream under `action` (key_created or key_rotated) and records the reveal.
 * `afterCreate` records what else the new key means (a rotation's pairing) on `db` (which may be
 * the completion's transaction: use only it) and says the rotation the new key is part of.
 */
export async function createAndReveal(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  input: NewKeyInput,
  audit: { action: KeyAction; keyId?: string; changes?: AuditChanges; reason?: string | null },
  afterCreate?: (keyId: string, db: Db) => Promise<KeyRotation | null>,
): Promise<NewKeyResult> {
  const event = keyEvent(
    ctx,
    audit.action,
    { serviceAccountId, keyId: audit.keyId, name: input.name },
    audit.changes ?? settings(input),
    audit.reason ?? null,
  );
  let created: CreatedKey;
  let answeredAt = 0;
  let rotation: KeyRotation | null = null;
  try {
    created = await auditedWrite<CreatedKey, ApiKey>(deps.db, event, {
      write: async () => {
        const made = await deps.upstream.createKey(serviceAccountId, input);
        answeredAt = Date.now();
        return made;
      },
      // Into the snapshot with the completion row, so no inventory read takes it for an outside key.
      ownChange: (made) => ({ kind: "created", serviceAccountId, keyId: made.keyId, input }),
      done: async (made, db) => {
        rotation = afterCreate ? await afterCreate(made.keyId, db) : null;
        // Handing the secret over is its own event, right after the completion.
        const target = { serviceAccountId, keyId: made.keyId, name: input.name };
        return [{ ...keyEvent(ctx, "key_secret_revealed", target), outcome: "ok" }];
      },
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
      madeKeyId: (made) => made.keyId,
    });
  } catch (error) {
    if (!(error instanceof UncertainWrite)) throw error;
    if (error.check.outcome !== "applied") throw notAppliedOrUnknown(error, "the key was created");
    const found = (error as UncertainWrite<ApiKey>).check as { found: ApiKey };
    if (afterCreate) await afterCreate(found.found.id, deps.db);
    const [key] = await withRotations(deps.db, [found.found]);
    throw new ApiError("upstream_error", secretLostMessage(found.found), {
      outcome: "applied",
      current: toPublicKey(key!),
      upstreamRequestId: error.upstream.requestId,
    });
  }
  return { key: createdKey(serviceAccountId, created, input, rotation, answeredAt), secret: created.secret };
}

export async function createKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  input: NewKeyInput,
): Promise<NewKeyResult> {
  await assertKeyKeepsPolicies(deps.db, intendedKey(input), ELEVENLABS_CAPABILITIES, PRIMARY_FIELD_NAMES);
  return createAndReveal(deps, ctx, serviceAccountId, input, { action: "key_created" });
}
