// Against the real emulator through lib/keys: Keydesk's own changes never come back as observed,
// changes made straight in the upstream (as ElevenLabs' settings page would) do, once each.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { KeyDeps } from "@/lib/keys";
import { createKey } from "@/lib/keys/create";
import { deleteKey } from "@/lib/keys/delete";
import { listKeys, listServiceAccounts } from "@/lib/keys/list";
import { rotateKey } from "@/lib/keys/rotate";
import { ctxAs, everythingStored, keyTestbed } from "@/tests/support/key-testbed";
import { updateKey } from "@/lib/keys/update";
import { keyChangeSchema } from "@/lib/keys/schema";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import { INVENTORY_BASELINE, OBSERVED_CHANGE } from "./rows";

const bed = keyTestbed();
const admin = () => ctxAs("admin");
const sa = () => bed.serviceAccountId;
const change = (body: unknown) => keyChangeSchema.parse(body);
/** Observed rows of this test's service account. */
const observed = () =>
  bed.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, OBSERVED_CHANGE), eq(auditLog.serviceAccountId, sa())))
    .orderBy(auditLog.id);
const originsNow = async () => new Map((await listKeys(bed.deps, sa())).map((k) => [k.id, k.origin]));

describe("observing through lib/keys", () => {
  it("never reports Keydesk's own create, update, rotate or delete", async () => {
    await listKeys(bed.deps, sa());
    const { key } = await createKey(bed.deps, admin(), sa(), {
      name: "worker",
      permissions: ["text_to_speech", "voices_read"],
      characterLimit: 1000,
      allowedIps: ["192.0.2.7", "10.0.0.0/24"],
    });
    expect((await originsNow()).get(key.id)).toBe("keydesk");
    await updateKey(
      bed.deps,
      admin(),
      sa(),
      key.id,
      change({
        characterLimit: null,
        allowedIps: ["10.1.0.0/16"],
        name: "worker-eu",
        expected: { characterLimit: 1000, allowedIps: key.allowedIps, name: "worker" },
      }),
    );
    await updateKey(
      bed.deps,
      ctxAs("support"),
      sa(),
      key.id,
      change({ enabled: false, reason: "leak", expected: { enabled: true } }),
    );
    await listKeys(bed.deps, sa());
    const { key: rotated } = await rotateKey(bed.deps, admin(), sa(), key.id);
    expect((await originsNow()).get(rotated.id)).toBe("keydesk");
    await deleteKey(bed.deps, admin(), sa(), key.id);
    await listKeys(bed.deps, sa());
    const all = (await listServiceAccounts(bed.deps)).flatMap((a) => a.keys);
    expect(all.find((k) => k.id === rotated.id)?.origin).toBe("keydesk");
    expect(await observed()).toEqual([]);
  });

  it("reports a key created, changed and deleted straight in the upstream, once each", async () => {
    await listKeys(bed.deps, sa());
    const outside = bed.deps.upstream; // what ElevenLabs' own settings page would do
    const { keyId, secret } = await outside.createKey(sa(), { name: "from-settings", permissions: "all" });
    expect((await originsNow()).get(keyId)).toBe("outside");
    await outside.updateKey(sa(), keyId, { characterLimit: 300, allowedIps: ["198.51.100.0/24"] });
    await listKeys(bed.deps, sa());
    await outside.deleteKey(sa(), keyId);
    await listKeys(bed.deps, sa());
    await listKeys(bed.deps, sa());

    const rows = await observed();
    expect(rows.map((r) => [r.keyId, r.targetName, r.actorUserId, r.outcome])).toEqual([
      [keyId, "from-settings", null, "ok"],
      [keyId, "from-settings", null, "ok"],
      [keyId, "from-settings", null, "ok"],
    ]);
    // What is observed is the primary connection's workspace, and its rows say so.
    expect(rows.map((r) => r.connectionId)).toEqual(Array(3).fill(primaryConnectionId()));
    const baselines = await bed.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, INVENTORY_BASELINE));
    expect(baselines.length).toBeGreaterThan(0);
    for (const b of baselines) expect(b.connectionId).toBe(primaryConnectionId());
    expect(rows[0]!.changes).toMatchObject({
      presence: { before: "absent", after: "present" },
      permissions: { before: null, after: "all" },
      characterLimit: { before: null, after: null },
    });
    expect(rows[1]!.changes).toEqual({
      characterLimit: { before: null, after: 300 },
      allowedIps: { before: null, after: ["198.51.100.0/24"] },
    });
    expect(rows[2]!.changes).toMatchObject({
      presence: { before: "present", after: "absent" },
      characterLimit: { before: 300, after: null },
    });
    const stored = await everythingStored(bed);
    expect(stored).not.toContain(secret);
    expect(stored).not.toMatch(/sk_[0-9a-f]{8}/);
  });

  it("still notices an outside change to one field when Keydesk changed another", async () => {
    const { key } = await createKey(bed.deps, admin(), sa(), {
      name: "mixed",
      permissions: ["text_to_speech"],
      characterLimit: 1000,
    });
    await listKeys(bed.deps, sa());
    await updateKey(
      bed.deps,
      admin(),
      sa(),
      key.id,
      change({ characterLimit: 2000, expected: { characterLimit: 1000 } }),
    );
    await bed.deps.upstream.updateKey(sa(), key.id, { enabled: false });
    await listKeys(bed.deps, sa());
    expect((await observed()).map((r) => r.changes)).toEqual([{ enabled: { before: true, after: false } }]);

    // Outside first, unseen, then Keydesk: Keydesk's edit read the outside name, but records only
    // the field it changed, so the rename is still reported.
    await bed.deps.upstream.updateKey(sa(), key.id, { name: "renamed-in-settings" });
    await updateKey(
      bed.deps,
      admin(),
      sa(),
      key.id,
      change({ characterLimit: 3000, expected: { characterLimit: 2000 } }),
    );
    await listKeys(bed.deps, sa());
    expect((await observed()).map((r) => r.changes)).toEqual([
      { enabled: { before: true, after: false } },
      { name: { before: "mixed", after: "renamed-in-settings" } },
    ]);
  });

  it("does not report Keydesk's change to a read that lands between its upstream write and its snapshot update", async () => {
    await listKeys(bed.deps, sa());
    const real = bed.deps.upstream;
    // Every write is followed, before Keydesk goes on, by an inventory read in another request.
    const meddling: KeyDeps = {
      db: bed.deps.db,
      upstream: {
        ...real,
        createKey: async (...a) => {
          const made = await real.createKey(...a);
          await listServiceAccounts(bed.deps);
          return made;
        },
        updateKey: async (...a) => {
          await real.updateKey(...a);
          await listKeys(bed.deps, sa());
        },
        deleteKey: async (...a) => {
          await real.deleteKey(...a);
          await listKeys(bed.deps, sa());
        },
      },
    };
    const { key } = await createKey(meddling, admin(), sa(), { name: "raced", permissions: "all" });
    await updateKey(meddling, admin(), sa(), key.id, change({ enabled: false, expected: { enabled: true } }));
    await listKeys(bed.deps, sa());
    await deleteKey(meddling, admin(), sa(), key.id);
    await listKeys(bed.deps, sa());
    expect(await observed()).toEqual([]);
  });
});
