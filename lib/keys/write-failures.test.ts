// A write's records after the upstream said yes (the snapshot, a rotation's pairing, the completion
// row, the reveal) are made in one transaction; when that fails, they are made one by one, so a
// failing step leaves exactly what it left when each was its own transaction: the snapshot is best
// effort, anything after a failing step is not written, and the person hears of the failure.
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { keySnapshot } from "@/lib/db/schema";
import { logger } from "@/lib/log/logger";
import { createKey } from "./create";
import { rotateKey } from "./rotate";
import { keyChangeSchema } from "./schema";
import { changeKey } from "./update";
import { auditOf, ctxAs, failure, keyTestbed } from "@/tests/support/key-testbed";

const bed = keyTestbed();
const sa = () => bed.serviceAccountId;

/** Runs `work` with a table out of reach (renamed), so every statement on it fails. */
async function without<T>(table: string, work: () => Promise<T>): Promise<T> {
  await bed.database.db.execute(sql.raw(`alter table ${table} rename to ${table}_away`));
  try {
    return await work();
  } finally {
    await bed.database.db.execute(sql.raw(`alter table ${table}_away rename to ${table}`));
  }
}

/** Runs `work` with a table taking no new rows (it can still be read). */
async function refusingRows<T>(table: string, work: () => Promise<T>): Promise<T> {
  await bed.database.db.execute(
    sql.raw(`alter table ${table} add constraint refuse check (false) not valid`),
  );
  try {
    return await work();
  } finally {
    await bed.database.db.execute(sql.raw(`alter table ${table} drop constraint refuse`));
  }
}

afterEach(() => vi.restoreAllMocks());

describe("when recording a write's aftermath fails", () => {
  it("create: a snapshot that cannot be updated does not stop the completion, the reveal or the answer", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const ctx = ctxAs("admin");
    const { key, secret } = await without("key_snapshot", () =>
      createKey(bed.deps, ctx, sa(), { name: "unsnapped", permissions: ["text_to_speech"] }),
    );
    expect(secret).toMatch(/^sk_/);
    expect(key.name).toBe("unsnapped");
    expect((await auditOf(bed, ctx)).map((r) => [r.action, r.outcome])).toEqual([
      ["key_created", "pending"],
      ["key_created", "ok"],
      ["key_secret_revealed", "ok"],
    ]);
    expect(await bed.database.db.select().from(keySnapshot).where(eq(keySnapshot.keyId, key.id))).toEqual([]);
    expect(warn.mock.calls.flat().join("\n")).toMatch(/could not record its own key change/);
  });

  it("change: the same, and the answer is the changed key", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const { key } = await createKey(bed.deps, ctxAs("admin"), sa(), { name: "before", permissions: [] });
    const ctx = ctxAs("admin");
    const change = keyChangeSchema.parse({ name: "after", expected: { name: "before" } });
    const { key: changed } = await without("key_snapshot", () =>
      changeKey(bed.deps, ctx, sa(), key.id, change),
    );
    expect(changed.name).toBe("after");
    expect((await auditOf(bed, ctx)).map((r) => [r.action, r.outcome])).toEqual([
      ["key_updated", "pending"],
      ["key_updated", "ok"],
    ]);
    expect(warn.mock.calls.flat().join("\n")).toMatch(/could not record its own key change/);
  });

  it("rotate: a pairing that cannot be stored fails the request after the completion, with no reveal, the snapshot kept", async () => {
    const { key: old } = await createKey(bed.deps, ctxAs("admin"), sa(), { name: "old", permissions: [] });
    const ctx = ctxAs("admin");
    const error = await refusingRows("key_rotation", () => failure(rotateKey(bed.deps, ctx, sa(), old.id)));
    expect(error.message).toMatch(/key_rotation|refuse/);
    const rows = await auditOf(bed, ctx);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["key_rotated", "pending"],
      ["key_rotated", "ok"],
    ]);
    const made = (await bed.deps.upstream.listKeys(sa())).find((k) => k.id !== old.id)!;
    expect(
      await bed.database.db.select().from(keySnapshot).where(eq(keySnapshot.keyId, made.id)),
    ).toHaveLength(1);
  });
});
