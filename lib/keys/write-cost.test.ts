// What one key write costs: its upstream calls (each is a full round trip to ElevenLabs) and its
// database round trips (a transaction, or a statement outside one). No read-back where the write's
// own answer suffices; the snapshot update, the completion row and what follows it in one
// transaction. And the key a write answers with is the key a read-back would show.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/database";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { createKey } from "./create";
import { deleteKey } from "./delete";
import { readKey } from "./list";
import { rotateKey } from "./rotate";
import { keyChangeSchema, newKeySchema } from "./schema";
import { changeKey } from "./update";
import { toPublicKey } from "./view";
import type { KeyDeps } from "./types";
import { ctxAs, keyTestbed } from "@/tests/support/key-testbed";

const bed = keyTestbed();

const STATEMENTS = new Set(["select", "selectDistinct", "insert", "update", "delete", "execute"]);

/** The database, counting what reaches it from outside a transaction. */
function counting(db: Db) {
  const counts = { transactions: 0, statements: 0 };
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (prop === "transaction") counts.transactions += 1;
        else if (typeof prop === "string" && STATEMENTS.has(prop)) counts.statements += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: counted, counts };
}

/** Runs one write with counting deps: its upstream calls (method and path) and database round trips. */
async function cost<T>(write: (deps: KeyDeps) => Promise<T>) {
  bed.emulator.log.clear();
  const { db, counts } = counting(bed.deps.db);
  const result = await write({ upstream: bed.deps.upstream, db });
  const upstream = bed.emulator.log.list().map((r) => r.method);
  return { result, upstream, ...counts };
}

const sa = () => bed.serviceAccountId;
const admin = () => ctxAs("admin");
const change = (body: unknown) => keyChangeSchema.parse(body);

async function aKey(name = "worker"): Promise<ApiKey> {
  return (
    await createKey(bed.deps, admin(), sa(), {
      name,
      permissions: ["text_to_speech", "voices_read"],
      characterLimit: 1000,
      allowedIps: ["10.0.0.0/24"],
    })
  ).key;
}

/** The key as a read-back shows it, in the API's shape. */
const readBack = async (keyId: string) => toPublicKey(await readKey(bed.deps, sa(), keyId));

describe("what a key write costs", () => {
  it("create: the upstream create alone; two transactions (the attempt, then everything after) and the policy read", async () => {
    const { upstream, transactions, statements } = await cost((deps) =>
      createKey(deps, admin(), sa(), { name: "cheap", permissions: ["text_to_speech"] }),
    );
    expect(upstream).toEqual(["POST"]);
    // The one statement outside them reads the key policies a create must keep (lib/policies/enforce.ts).
    expect({ transactions, statements }).toEqual({ transactions: 2, statements: 1 });
  });

  it("change: one read (for the conflict check) and the write; two transactions", async () => {
    const key = await aKey();
    const { upstream, transactions, statements } = await cost((deps) =>
      changeKey(deps, admin(), sa(), key.id, change({ name: "renamed", expected: { name: "worker" } })),
    );
    expect(upstream).toEqual(["GET", "PATCH"]);
    expect({ transactions, statements }).toEqual({ transactions: 2, statements: 1 });
  });

  it("disable: the same, finishing rotations in the completion's transaction", async () => {
    const key = await aKey();
    const { upstream, transactions, statements } = await cost((deps) =>
      changeKey(deps, admin(), sa(), key.id, change({ enabled: false, expected: { enabled: true } })),
    );
    expect(upstream).toEqual(["GET", "PATCH"]);
    expect({ transactions, statements }).toEqual({ transactions: 2, statements: 1 });
  });

  it("rotate: one read (the old key's settings) and the create; two transactions", async () => {
    const key = await aKey();
    const { upstream, transactions, statements } = await cost((deps) =>
      rotateKey(deps, admin(), sa(), key.id),
    );
    expect(upstream).toEqual(["GET", "POST"]);
    expect({ transactions, statements }).toEqual({ transactions: 2, statements: 1 });
  });

  it("delete: one read (the key's settings, for the audit row) and the delete; two transactions", async () => {
    const key = await aKey();
    const { upstream, transactions, statements } = await cost((deps) =>
      deleteKey(deps, admin(), sa(), key.id),
    );
    expect(upstream).toEqual(["GET", "DELETE"]);
    expect({ transactions, statements }).toEqual({ transactions: 2, statements: 1 });
  });
});

describe("the key a write answers with is the key a read-back shows", () => {
  it.each([
    ["a name and every permission", { name: "  all of it ", permissions: "all" }],
    [
      "permissions, a limit and an allowlist of bare addresses",
      {
        name: "narrow",
        permissions: ["voices_read", "text_to_speech"],
        characterLimit: 250,
        allowedIps: ["10.0.0.1", "2001:db8::1", "192.0.2.0/24"],
      },
    ],
    [
      "no limit and no allowlist, said outright",
      { name: "open", permissions: [], characterLimit: null, allowedIps: null },
    ],
  ])("create with %s", async (_label, body) => {
    const { key } = await createKey(bed.deps, admin(), sa(), newKeySchema.parse(body));
    const { createdAt, ...answered } = toPublicKey(key);
    const { createdAt: listedAt, ...listed } = await readBack(key.id);
    expect(answered).toEqual(listed);
    // The upstream's own clock, in whole seconds, stamps a new key; Keydesk answers with the
    // second its answer arrived: never before the upstream made it, and never in the future.
    expect(Date.parse(createdAt!)).toBeGreaterThanOrEqual(Date.parse(listedAt!));
    expect(Date.parse(createdAt!)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(createdAt!) % 1000).toBe(0);
  });

  it("rotate: the new key, paired with the old", async () => {
    const old = await aKey();
    const { key } = await rotateKey(bed.deps, admin(), sa(), old.id);
    const answered = toPublicKey(key);
    expect({ ...answered, createdAt: null }).toEqual({ ...(await readBack(key.id)), createdAt: null });
    expect(answered.rotation).toMatchObject({ role: "new", partnerKeyId: old.id });
  });

  it("change: each field, cleared and set, enabling and disabling", async () => {
    const key = await aKey();
    const steps = [
      { name: "renamed", expected: { name: "worker" } },
      { permissions: "all", expected: { permissions: ["text_to_speech", "voices_read"] } },
      { permissions: ["voices_read"], expected: { permissions: "all" } },
      {
        characterLimit: null,
        allowedIps: null,
        expected: { characterLimit: 1000, allowedIps: ["10.0.0.0/24"] },
      },
      {
        characterLimit: 5,
        allowedIps: ["10.0.0.9", "::1"],
        expected: { characterLimit: null, allowedIps: null },
      },
      { enabled: false, reason: "paused", expected: { enabled: true } },
      { enabled: true, name: "back", expected: { enabled: false, name: "renamed" } },
      { name: "back", expected: { name: "back" } }, // nothing to change: answered as read
    ];
    for (const body of steps) {
      const { key: answered } = await changeKey(bed.deps, admin(), sa(), key.id, change(body));
      expect(toPublicKey(answered)).toEqual(await readBack(key.id));
    }
  });

  it("change: disabling the old key of a rotation, whose own earlier rotation stays open", async () => {
    const first = await aKey("first");
    const middle = (await rotateKey(bed.deps, admin(), sa(), first.id)).key;
    const last = (await rotateKey(bed.deps, admin(), sa(), middle.id)).key;
    for (const [id, expected] of [
      [middle.id, { enabled: true }],
      [last.id, { enabled: true }],
      [first.id, { enabled: true }],
    ] as const) {
      const { key: answered } = await changeKey(
        bed.deps,
        admin(),
        sa(),
        id,
        change({ enabled: false, expected }),
      );
      expect(toPublicKey(answered)).toEqual(await readBack(id));
    }
  });
});
