import { describe, expect, it } from "vitest";
import { handlerErrorResponse as errorResponse } from "@/lib/api/handler-error";
import { ApiError } from "@/lib/http/api-error";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { keyChangeSchema } from "./schema";
import { createKey } from "./create";
import { auditOf, ctxAs, failure, keyTestbed, writes } from "@/tests/support/key-testbed";
import { updateKey } from "./update";

const bed = keyTestbed();

async function aKey(): Promise<ApiKey> {
  const { key } = await createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, {
    name: "worker",
    permissions: ["text_to_speech", "voices_read"],
    characterLimit: 1000,
    allowedIps: ["10.0.0.0/24", "192.0.2.7/32"],
  });
  bed.emulator.log.clear();
  return key;
}
const change = (body: unknown) => keyChangeSchema.parse(body);
const patches = () => writes(bed).filter((r) => r.method === "PATCH");

describe("updateKey", () => {
  it("sends only the changed fields, null as clear, and audits before → after with the reason", async () => {
    const key = await aKey();
    const ctx = ctxAs("admin");
    const updated = await updateKey(
      bed.deps,
      ctx,
      bed.serviceAccountId,
      key.id,
      change({ characterLimit: 5000, reason: "more traffic", expected: { characterLimit: 1000 } }),
    );
    expect(updated).toMatchObject({
      id: key.id,
      characterLimit: 5000,
      name: "worker",
      allowedIps: key.allowedIps,
      rotation: null,
    });
    await updateKey(
      bed.deps,
      ctxAs("admin"),
      bed.serviceAccountId,
      key.id,
      change({ allowedIps: null, expected: { allowedIps: key.allowedIps } }),
    );
    expect(patches().map((r) => r.body)).toEqual([{ character_limit: 5000 }, { allowed_ips: "clear" }]);

    const rows = await auditOf(bed, ctx);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["key_updated", "pending"],
      ["key_updated", "ok"],
    ]);
    expect(rows[0]).toMatchObject({
      keyId: key.id,
      targetName: "worker",
      reason: "more traffic",
      changes: { characterLimit: { before: 1000, after: 5000 } },
    });
  });

  it("renames and disables a key whose name, set in ElevenLabs itself, holds a secret: audited redacted", async () => {
    const key = await aKey();
    const secretShaped = `leaked sk_${"ab12".repeat(12)} here`;
    await bed.deps.upstream.updateKey(bed.serviceAccountId, key.id, { name: secretShaped }); // in ElevenLabs' own settings
    bed.emulator.log.clear();
    const ctx = ctxAs("admin");
    await updateKey(
      bed.deps,
      ctx,
      bed.serviceAccountId,
      key.id,
      change({ enabled: false, reason: "odd name", expected: { enabled: true } }),
    );
    await updateKey(
      bed.deps,
      ctx,
      bed.serviceAccountId,
      key.id,
      change({ name: "worker", expected: { name: secretShaped } }),
    );
    expect(patches().map((r) => r.body)).toEqual([{ is_enabled: false }, { name: "worker" }]);

    const rows = await auditOf(bed, ctx);
    expect(JSON.stringify(rows)).not.toMatch(/sk_[0-9a-f]{32,}/i);
    expect(rows.find((r) => r.action === "key_updated" && r.changes && "name" in r.changes)).toMatchObject({
      targetName: "leaked sk_[redacted] here",
      changes: { name: { before: "leaked sk_[redacted] here", after: "worker" } },
    });
  });

  it("answers 409 with the current key, and writes nothing, when a changed field moved meanwhile", async () => {
    const key = await aKey();
    await bed.deps.upstream.updateKey(bed.serviceAccountId, key.id, { characterLimit: 2000 }); // someone else, elsewhere
    bed.emulator.log.clear();
    const ctx = ctxAs("admin");
    const error = await failure(
      updateKey(
        bed.deps,
        ctx,
        bed.serviceAccountId,
        key.id,
        change({ characterLimit: 5000, expected: { characterLimit: 1000 } }),
      ),
    );

    expect(error).toBeInstanceOf(ApiError);
    const res = errorResponse(error, "req-409");
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toMatchObject({
      code: "conflict",
      fields: [{ path: ["characterLimit"] }],
      current: { id: key.id, characterLimit: 2000, name: "worker" },
    });
    expect(patches()).toEqual([]);
    expect(await auditOf(bed, ctx)).toEqual([]);
    expect((await bed.deps.upstream.getKey(bed.serviceAccountId, key.id)).characterLimit).toBe(2000);
  });

  it("lets two edits of different fields, begun from the same state, both stand", async () => {
    const key = await aKey();
    await updateKey(
      bed.deps,
      ctxAs("admin"),
      bed.serviceAccountId,
      key.id,
      change({ name: "worker-eu", expected: { name: key.name } }),
    );
    await updateKey(
      bed.deps,
      ctxAs("admin"),
      bed.serviceAccountId,
      key.id,
      change({ permissions: ["text_to_speech"], expected: { permissions: key.permissions } }),
    );
    expect(await bed.deps.upstream.getKey(bed.serviceAccountId, key.id)).toMatchObject({
      name: "worker-eu",
      permissions: ["text_to_speech"],
      characterLimit: 1000,
    });
    expect(patches().map((r) => r.body)).toEqual([
      { name: "worker-eu" },
      { permissions: ["text_to_speech"] },
    ]);
  });

  it("compares permissions as sets and allowlists as normalised lists", async () => {
    const key = await aKey();
    await updateKey(
      bed.deps,
      ctxAs("admin"),
      bed.serviceAccountId,
      key.id,
      change({ permissions: ["voices_read"], expected: { permissions: ["voices_read", "text_to_speech"] } }),
    );
    await updateKey(
      bed.deps,
      ctxAs("admin"),
      bed.serviceAccountId,
      key.id,
      change({ allowedIps: ["10.1.0.0/16"], expected: { allowedIps: ["192.0.2.7", "10.0.0.9/24"] } }),
    );
    expect(patches().map((r) => r.body)).toEqual([
      { permissions: ["voices_read"] },
      { allowed_ips: ["10.1.0.0/16"] },
    ]);
  });

  it("lets support only enable or disable, with a reason, and says why otherwise", async () => {
    const key = await aKey();
    const support = ctxAs("support");
    const renamed = await failure(
      updateKey(
        bed.deps,
        support,
        bed.serviceAccountId,
        key.id,
        change({ name: "x", enabled: false, reason: "leak", expected: { name: key.name, enabled: true } }),
      ),
    );
    expect(renamed).toMatchObject({
      code: "forbidden",
      status: 403,
      extra: { fields: [{ path: ["name"] }] },
    });
    expect(renamed.message).toMatch(/only enable or disable/);

    const unexplained = await failure(
      updateKey(
        bed.deps,
        support,
        bed.serviceAccountId,
        key.id,
        change({ enabled: false, expected: { enabled: true } }),
      ),
    );
    expect(unexplained).toMatchObject({
      code: "validation_failed",
      status: 422,
      extra: { fields: [{ path: ["reason"], message: "Give a reason" }] },
    });
    expect(patches()).toEqual([]);
    expect(await auditOf(bed, support)).toEqual([]);

    const disabled = await updateKey(
      bed.deps,
      support,
      bed.serviceAccountId,
      key.id,
      change({ enabled: false, reason: "pasted in a public issue", expected: { enabled: true } }),
    );
    expect(disabled.enabled).toBe(false);
    expect(patches().map((r) => r.body)).toEqual([{ is_enabled: false }]);
    const rows = await auditOf(bed, support);
    expect(rows.map((r) => [r.action, r.outcome, r.actorRole])).toEqual([
      ["key_disabled", "pending", "support"],
      ["key_disabled", "ok", "support"],
    ]);
    expect(rows[0]).toMatchObject({
      reason: "pasted in a public issue",
      changes: { enabled: { before: true, after: false } },
    });

    const reviewer = await failure(
      updateKey(
        bed.deps,
        ctxAs("reviewer"),
        bed.serviceAccountId,
        key.id,
        change({ enabled: true, reason: "r", expected: { enabled: false } }),
      ),
    );
    expect(reviewer).toMatchObject({ code: "forbidden" });
  });

  it("surfaces an upstream 503 on the write, checks the key, and records that the change was not applied", async () => {
    const key = await aKey();
    bed.emulator.faults.add({
      method: "PATCH",
      path: `/v1/service-accounts/${bed.serviceAccountId}/api-keys/${key.id}`,
      remaining: 1,
      fault: { kind: "status", status: 503 },
    });
    const ctx = ctxAs("admin");
    const error = await failure(
      updateKey(
        bed.deps,
        ctx,
        bed.serviceAccountId,
        key.id,
        change({ enabled: false, expected: { enabled: true } }),
      ),
    );
    expect(errorResponse(error, "r").status).toBe(503);
    expect(patches()).toHaveLength(1);
    expect((await auditOf(bed, ctx)).map((r) => [r.action, r.outcome, r.upstreamStatus])).toEqual([
      ["key_disabled", "pending", null],
      ["key_disabled", "not_applied", 503],
    ]);
  });
});
