import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { keyRotation } from "@/lib/db/schema";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { keyChangeSchema } from "./schema";
import { createKey } from "./create";
import { deleteKey } from "./delete";
import { listKeys, listServiceAccounts } from "./list";
import { rotateKey } from "./rotate";
import { auditOf, ctxAs, everythingStored, failure, keyTestbed, writes } from "@/tests/support/key-testbed";
import { updateKey } from "./update";

const bed = keyTestbed();

async function aKey(): Promise<ApiKey> {
  const { key } = await createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, {
    name: "billing-sync",
    permissions: ["user_read", "workspace_read"],
    characterLimit: 7000,
    allowedIps: ["198.51.100.0/24"],
  });
  bed.emulator.log.clear();
  return key;
}
const rotationsOf = (oldKeyId: string) =>
  bed.database.db.select().from(keyRotation).where(eq(keyRotation.oldKeyId, oldKeyId));
const byId = async () => new Map((await listKeys(bed.deps, bed.serviceAccountId)).map((k) => [k.id, k]));

describe("rotateKey", () => {
  it("makes a paired key with the same name, permissions, limit and allowlist", async () => {
    const old = await aKey();
    const ctx = ctxAs("admin");
    const { key, secret } = await rotateKey(bed.deps, ctx, bed.serviceAccountId, old.id);

    expect(key.name).toBe("billing-sync");
    expect(key.id).not.toBe(old.id);
    expect(key).toMatchObject({
      permissions: ["user_read", "workspace_read"],
      characterLimit: 7000,
      allowedIps: ["198.51.100.0/24"],
      enabled: true,
    });
    expect(key.rotation).toMatchObject({ role: "new", partnerKeyId: old.id });
    expect(writes(bed).map((r) => r.method)).toEqual(["POST"]);

    const keys = await byId();
    expect(keys.get(old.id)!.rotation).toMatchObject({ role: "old", partnerKeyId: key.id });
    expect(keys.get(key.id)!.rotation).toMatchObject({ role: "new", partnerKeyId: old.id });
    const inventory = (await listServiceAccounts(bed.deps)).flatMap((a) => a.keys);
    expect(inventory.find((k) => k.id === old.id)!.rotation?.role).toBe("old");

    expect((await auditOf(bed, ctx)).map((r) => [r.action, r.outcome, r.keyId])).toEqual([
      ["key_rotated", "pending", old.id],
      ["key_rotated", "ok", old.id],
      ["key_secret_revealed", "ok", key.id],
    ]);
    expect(await everythingStored(bed)).not.toContain(secret);
    // Sent upstream under the old key's exact name.
    const [posted] = writes(bed);
    expect(posted?.body).toMatchObject({ name: "billing-sync" });

    // A second rotation of the same old key waits for the first to finish.
    await expect(rotateKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, old.id)).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("is finished by disabling the old key through Keydesk", async () => {
    const old = await aKey();
    const { key } = await rotateKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, old.id);
    await updateKey(
      bed.deps,
      ctxAs("admin"),
      bed.serviceAccountId,
      old.id,
      keyChangeSchema.parse({ enabled: false, expected: { enabled: true } }),
    );
    const keys = await byId();
    expect(keys.get(old.id)!.rotation).toBeNull();
    expect(keys.get(key.id)!.rotation).toBeNull();
    const [row] = await rotationsOf(old.id);
    expect(row).toMatchObject({
      oldKeyId: old.id,
      newKeyId: key.id,
      startedBy: "user-admin",
      finishedBy: "user-admin",
    });
    expect(row!.finishedAt).not.toBeNull();
  });

  it("is finished by deleting the old key, which is audited and gone upstream", async () => {
    const old = await aKey();
    const { key } = await rotateKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, old.id);
    const ctx = ctxAs("admin");
    expect(await deleteKey(bed.deps, ctx, bed.serviceAccountId, old.id)).toEqual({
      id: old.id,
      serviceAccountId: bed.serviceAccountId,
    });
    const keys = await byId();
    expect([...keys.keys()]).toEqual([key.id]);
    expect(keys.get(key.id)!.rotation).toBeNull();
    const rotations = await rotationsOf(old.id);
    expect(rotations[0]!.finishedAt).not.toBeNull();
    const rows = await auditOf(bed, ctx);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["key_deleted", "pending"],
      ["key_deleted", "ok"],
    ]);
    expect(rows[0]).toMatchObject({
      keyId: old.id,
      targetName: "billing-sync",
      changes: { name: { before: "billing-sync", after: null } },
    });
  });

  it("leaves the rotation open when the new key is only disabled, and a missing key is a 404", async () => {
    const old = await aKey();
    const { key } = await rotateKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, old.id);
    await updateKey(
      bed.deps,
      ctxAs("admin"),
      bed.serviceAccountId,
      key.id,
      keyChangeSchema.parse({ enabled: false, expected: { enabled: true } }),
    );
    expect((await byId()).get(old.id)!.rotation?.role).toBe("old");
    const missing = await failure(rotateKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, "no-such-key"));
    expect(missing).toMatchObject({ kind: "not_found" });
  });
});
