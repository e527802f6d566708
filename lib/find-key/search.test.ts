// The search end to end below the route: a real emulator, a throwaway database, the audit log.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createKey } from "@/lib/keys";
import { auditOf, ctxAs, everythingStored, failure, inject, keyTestbed } from "@/tests/support/key-testbed";
import { findKey } from "./search";

const bed = keyTestbed();
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

async function leakedKey() {
  const made = await createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, {
    name: "leaky",
    permissions: ["text_to_speech"],
  });
  bed.emulator.log.clear();
  return made;
}

describe("findKey", () => {
  it("finds the key of a pasted secret exactly and audits the search by its last four characters only", async () => {
    const { key, secret } = await leakedKey();
    const ctx = ctxAs("support");
    const result = await findKey(bed.deps, ctx, `  ${secret}\n`);

    expect(result).toMatchObject({ kind: "secret", total: 1, omitted: 0 });
    expect(result.candidates[0]).toMatchObject({
      key: { id: key.id, name: "leaky", enabled: true },
      serviceAccount: { id: bed.serviceAccountId, name: "Keys tests" },
      certainty: "exact",
      matchedBy: ["secret_hash"],
    });

    const rows = await auditOf(bed, ctx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "key_search",
      outcome: "ok",
      actorRole: "support",
      keyId: null,
      changes: {
        search: { before: null, after: { kind: "secret", hint: secret.slice(-4), candidates: 1, exact: 1 } },
      },
    });

    // The secret and its hash: not in the answer, not stored, never sent upstream (one read, no body).
    for (const text of [
      JSON.stringify(result),
      await everythingStored(bed),
      JSON.stringify(bed.emulator.log.list()),
    ]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(sha(secret));
    }
    expect(bed.emulator.log.list().map((r) => [r.method, r.path])).toEqual([["GET", "/v1/service-accounts"]]);
  });

  it("audits a secret that matches nothing too, and does not audit a search by name", async () => {
    await leakedKey();
    const ctx = ctxAs("reviewer");
    const unknown = `sk_${"0".repeat(44)}dead`;
    expect(await findKey(bed.deps, ctx, unknown)).toEqual({
      kind: "secret",
      generatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      candidates: [],
      total: 0,
      omitted: 0,
    });
    expect((await auditOf(bed, ctx)).map((r) => r.changes)).toEqual([
      { search: { before: null, after: { kind: "secret", hint: "dead", candidates: 0, exact: 0 } } },
    ]);

    const byName = ctxAs("reviewer");
    expect(
      (await findKey(bed.deps, byName, "LEAK")).candidates.map((c) => [c.key.name, c.certainty]),
    ).toEqual([["leaky", "possible"]]);
    expect(await auditOf(bed, byName)).toEqual([]);
  });

  it("records a failed secret search as an error and passes the upstream's failure on", async () => {
    const { secret } = await leakedKey();
    inject(bed, "GET", "/v1/service-accounts", { kind: "status", status: 503 }, 5);
    const ctx = ctxAs("support");
    const error = await failure(findKey(bed.deps, ctx, secret));
    expect(error.name).toBe("UpstreamError");
    const rows = await auditOf(bed, ctx);
    expect(rows.map((r) => [r.action, r.outcome, r.errorCode])).toEqual([
      ["key_search", "error", "unavailable"],
    ]);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
