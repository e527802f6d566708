// Enforced key policies on the primary workspace's writes, against the emulator over HTTP: a create
// or a change that would break one is refused (422, naming the field and the rule) with nothing
// sent upstream and nothing audited; a switch, a rename and a rotation are never held up by one.
import { afterEach, describe, expect, it } from "vitest";
import { keyPolicy } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/api-error";
import { savePolicies } from "@/lib/policies/save";
import { auditOf, ctxAs, failure, keyTestbed, writes } from "@/tests/support/key-testbed";
import { createKey } from "./create";
import { keyChangeSchema } from "./schema";
import { rotateKey } from "./rotate";
import { updateKey } from "./update";

const bed = keyTestbed();
const admin = ctxAs("admin");

async function enforce() {
  await savePolicies(bed.deps.db, admin, [
    { kind: "no_unrestricted", mode: "enforce", limit: null },
    { kind: "network_restriction", mode: "enforce", limit: null },
    { kind: "max_monthly_limit", mode: "enforce", limit: 10_000 },
  ]);
}
afterEach(async () => {
  await bed.deps.db.delete(keyPolicy);
});

const good = {
  name: "worker",
  permissions: ["text_to_speech" as const],
  characterLimit: 5000,
  allowedIps: ["10.0.0.0/24"],
};

describe("enforced key policies", () => {
  it("refuse a create that breaks them, naming each field and rule, sending and auditing nothing", async () => {
    await enforce();
    const ctx = ctxAs("admin");
    const error = await failure(
      createKey(bed.deps, ctx, bed.serviceAccountId, {
        name: "wide",
        permissions: "all",
        characterLimit: null,
        allowedIps: null,
      }),
    );
    expect(ApiError.is(error)).toBe(true);
    expect((error as unknown as ApiError).status).toBe(422);
    expect((error as unknown as ApiError).extra.fields?.map((f) => f.path[0])).toEqual([
      "allowedIps",
      "permissions",
      "characterLimit",
    ]);
    expect(error.message).toContain(
      "Refused by the policy “Every key must have a monthly limit of at most 10,000 characters.”",
    );
    expect(writes(bed)).toEqual([]);
    expect(await auditOf(bed, ctx)).toEqual([]);
  });

  it("let a create that keeps them through", async () => {
    await enforce();
    const { key } = await createKey(bed.deps, admin, bed.serviceAccountId, good);
    expect(key.characterLimit).toBe(5000);
  });

  it("refuse a change of a field a rule is about, but never a switch, a rename or a rotation of a key that already breaks one", async () => {
    // Made before the rules, as a key changed outside Keydesk would be: it breaks the limit rule.
    const { key } = await createKey(bed.deps, admin, bed.serviceAccountId, { ...good, characterLimit: null });
    await enforce();
    bed.emulator.log.clear();

    const raise = keyChangeSchema.parse({ characterLimit: 20_000, expected: { characterLimit: null } });
    const error = await failure(updateKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, key.id, raise));
    expect((error as unknown as ApiError).extra.fields).toEqual([
      {
        path: ["characterLimit"],
        message:
          "Refused by the policy “Every key must have a monthly limit of at most 10,000 characters.” Its monthly limit is 20,000 characters.",
      },
    ]);
    expect(writes(bed)).toEqual([]);

    // A rotation copies the key as it is: a leaked key's replacement never waits on a policy.
    const rotated = await rotateKey(bed.deps, admin, bed.serviceAccountId, key.id);
    expect(rotated.key.characterLimit).toBeNull();
    const rename = keyChangeSchema.parse({ name: "worker-2", expected: { name: "worker" } });
    expect((await updateKey(bed.deps, admin, bed.serviceAccountId, key.id, rename)).name).toBe("worker-2");
    const off = keyChangeSchema.parse({ enabled: false, reason: "leaked", expected: { enabled: true } });
    expect((await updateKey(bed.deps, ctxAs("support"), bed.serviceAccountId, key.id, off)).enabled).toBe(
      false,
    );
    const fix = keyChangeSchema.parse({ characterLimit: 8000, expected: { characterLimit: null } });
    expect((await updateKey(bed.deps, admin, bed.serviceAccountId, key.id, fix)).characterLimit).toBe(8000);
  });
});
