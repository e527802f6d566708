// A write whose answer was lost or an error (5xx, a cut connection, a timeout) may still have taken
// effect. Keydesk re-reads the upstream, says what happened (applied, not_applied or unknown) on the
// completion row and to the person, and never takes its own change for an outside one later.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { handlerErrorResponse as errorResponse } from "@/lib/api/handler-error";
import { auditLog, keyRotation } from "@/lib/db/schema";
import type { ApiKey } from "@/lib/elevenlabs/types";
import type { Fault } from "@/lib/emulator/elevenlabs/faults";
import { OBSERVED_CHANGE } from "@/lib/observed";
import { keyChangeSchema } from "./schema";
import { createKey } from "./create";
import { removeKey } from "./delete";
import { listKeys, listServiceAccounts } from "./list";
import { rotateKey } from "./rotate";
import { auditOf, ctxAs, failure, inject, keyTestbed, writes } from "@/tests/support/key-testbed";
import { changeKey } from "./update";

const bed = keyTestbed();
const keysPath = () => `/v1/service-accounts/${bed.serviceAccountId}/api-keys`;
const keyPath = (id: string) => `${keysPath()}/${id}`;

const FAULTS: [string, Fault, "applied" | "not_applied", number][] = [
  ["a 500 after applying", { kind: "status", status: 500, after: true }, "applied", 500],
  ["a 500 before applying", { kind: "status", status: 500 }, "not_applied", 500],
  ["a dropped connection after applying", { kind: "drop", after: true }, "applied", 0],
  ["a timeout after applying", { kind: "hang", after: true }, "applied", 0],
];

/** Observing has begun for this test's service account (a read took its baseline). */
async function observed(): Promise<void> {
  await listServiceAccounts(bed.deps);
}

async function aKey(name = "worker"): Promise<ApiKey> {
  const { key } = await createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, {
    name,
    permissions: ["text_to_speech"],
    characterLimit: 1000,
  });
  bed.emulator.log.clear();
  return key;
}

/** Outside changes recorded in this test's service account, after one more inventory read. */
async function outsideChangesLater() {
  await listServiceAccounts(bed.deps);
  return bed.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, OBSERVED_CHANGE), eq(auditLog.serviceAccountId, bed.serviceAccountId)));
}

const completion = async (ctx: ReturnType<typeof ctxAs>, action: string) =>
  (await auditOf(bed, ctx)).filter((r) => r.action === action && r.completes !== null);

describe.each(FAULTS)("after %s", (_label, fault, outcome, status) => {
  it(`create: the completion says ${outcome}, the person is told what happened, and nothing is reported as outside later`, async () => {
    await observed();
    const ctx = ctxAs("admin");
    inject(bed, "POST", keysPath(), fault);
    const error = await failure(
      createKey(bed.deps, ctx, bed.serviceAccountId, { name: "billing", permissions: "all" }),
    );

    expect(writes(bed)).toHaveLength(1); // never retried
    const keys = await listKeys(bed.deps, bed.serviceAccountId);
    expect(keys).toHaveLength(outcome === "applied" ? 1 : 0);
    const [done] = await completion(ctx, "key_created");
    expect(done).toMatchObject({ outcome, upstreamStatus: status || null });
    const res = errorResponse(error, "req");
    const body = (await res.json()).error;
    expect(body.outcome).toBe(outcome);
    if (outcome === "applied") {
      expect(res.status).toBe(502);
      expect(body.message).toContain("The key was created but its secret was lost: rotate or delete it");
      expect(body.message).toContain(keys[0]!.id);
      expect(body.message).not.toMatch(/try again/i);
      expect(body.current).toMatchObject({ id: keys[0]!.id, name: "billing" });
      expect(done!.keyId).toBe(keys[0]!.id); // linked to its attempt
      expect(JSON.stringify(body)).not.toMatch(/sk_[0-9a-f]{8}/);
    } else {
      expect(body.message).toMatch(/nothing was changed.*safe to try again/i);
    }
    expect(await outsideChangesLater()).toEqual([]);
  });

  it(`change: the completion says ${outcome}, and an applied change is answered as saved`, async () => {
    await observed();
    const key = await aKey();
    const ctx = ctxAs("admin");
    inject(bed, "PATCH", keyPath(key.id), fault);
    const request = changeKey(
      bed.deps,
      ctx,
      bed.serviceAccountId,
      key.id,
      keyChangeSchema.parse({ characterLimit: 5000, expected: { characterLimit: 1000 } }),
    );
    if (outcome === "applied") {
      const { key: after, reconciled } = await request;
      expect(after.characterLimit).toBe(5000);
      expect(reconciled).toEqual({
        outcome: "applied",
        message: "Saved (the upstream answered with an error, but the change is in place).",
      });
    } else {
      const body = (await errorResponse(await failure(request), "req").json()).error;
      expect(body).toMatchObject({ outcome: "not_applied" });
      expect(body.message).toMatch(/safe to try again/);
      expect((await listKeys(bed.deps, bed.serviceAccountId))[0]!.characterLimit).toBe(1000);
    }
    expect(writes(bed).filter((r) => r.method === "PATCH")).toHaveLength(1);
    expect((await completion(ctx, "key_updated"))[0]).toMatchObject({
      outcome,
      upstreamStatus: status || null,
    });
    expect(await outsideChangesLater()).toEqual([]);
  });

  it(`delete: the completion says ${outcome}, and an applied delete is answered as deleted`, async () => {
    await observed();
    const key = await aKey();
    const ctx = ctxAs("admin");
    inject(bed, "DELETE", keyPath(key.id), fault);
    const request = removeKey(bed.deps, ctx, bed.serviceAccountId, key.id);
    if (outcome === "applied") {
      const { deleted, reconciled } = await request;
      expect(deleted).toEqual({ id: key.id, serviceAccountId: bed.serviceAccountId });
      expect(reconciled?.outcome).toBe("applied");
      expect(reconciled?.message).toMatch(/^Deleted/);
    } else {
      const body = (await errorResponse(await failure(request), "req").json()).error;
      expect(body).toMatchObject({ outcome: "not_applied" });
    }
    expect(await listKeys(bed.deps, bed.serviceAccountId)).toHaveLength(outcome === "applied" ? 0 : 1);
    expect((await completion(ctx, "key_deleted"))[0]).toMatchObject({
      outcome,
      upstreamStatus: status || null,
    });
    expect(await outsideChangesLater()).toEqual([]);
  });

  it(`rotate: the completion says ${outcome}; an applied rotation is paired and its lost secret said`, async () => {
    await observed();
    const old = await aKey("rotating");
    const ctx = ctxAs("admin");
    inject(bed, "POST", keysPath(), fault);
    const body = (
      await errorResponse(await failure(rotateKey(bed.deps, ctx, bed.serviceAccountId, old.id)), "req").json()
    ).error;
    expect(body.outcome).toBe(outcome);
    const keys = await listKeys(bed.deps, bed.serviceAccountId);
    expect(keys).toHaveLength(outcome === "applied" ? 2 : 1);
    const rotations = await bed.database.db
      .select()
      .from(keyRotation)
      .where(eq(keyRotation.oldKeyId, old.id));
    if (outcome === "applied") {
      const made = keys.find((k) => k.id !== old.id)!;
      expect(body.message).toContain("The key was created but its secret was lost: rotate or delete it");
      expect(rotations.map((r) => r.newKeyId)).toEqual([made.id]);
    } else {
      expect(rotations).toEqual([]);
    }
    expect((await completion(ctx, "key_rotated"))[0]).toMatchObject({
      outcome,
      upstreamStatus: status || null,
    });
    expect(await outsideChangesLater()).toEqual([]);
  });
});

describe("when the re-read fails too", () => {
  it("says unknown, and asks the person to check the key before retrying", async () => {
    await observed();
    const ctx = ctxAs("admin");
    inject(bed, "POST", keysPath(), { kind: "status", status: 500, after: true });
    inject(bed, "GET", keysPath(), { kind: "status", status: 503 }, 5);
    const body = (
      await errorResponse(
        await failure(createKey(bed.deps, ctx, bed.serviceAccountId, { name: "maybe", permissions: "all" })),
        "req",
      ).json()
    ).error;
    expect(body.outcome).toBe("unknown");
    expect(body.message).toMatch(/could not confirm.*check the key before retrying/i);
    expect((await completion(ctx, "key_created"))[0]).toMatchObject({
      outcome: "unknown",
      upstreamStatus: 500,
    });
  });

  it("treats a refusal (4xx) as not made, without re-reading", async () => {
    await observed();
    const ctx = ctxAs("admin");
    inject(bed, "POST", keysPath(), { kind: "status", status: 409 });
    bed.emulator.log.clear();
    await failure(createKey(bed.deps, ctx, bed.serviceAccountId, { name: "refused", permissions: "all" }));
    expect(bed.emulator.log.list().map((r) => r.method)).toEqual(["POST"]);
    expect((await completion(ctx, "key_created"))[0]).toMatchObject({
      outcome: "error",
      upstreamStatus: 409,
    });
  });
});
