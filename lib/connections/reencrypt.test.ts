// Re-encrypting under a new key, on a real database: every credential moves in one transaction,
// decrypts under the new key alone afterwards, and a credential that does not decrypt stops the
// run with nothing moved.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connection } from "@/lib/db/schema";
import { selectRows, testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { encryptionKey } from "./crypto";
import type { Keyring } from "./keys";
import { reencryptCredentials } from "./reencrypt";
import { insertConnection, listStoredConnections } from "./store";

const open = testDatabases();
const oldKey = encryptionKey(randomBytes(32));
const newKey = encryptionKey(randomBytes(32));
const before: Keyring = { current: oldKey, all: [oldKey] };
const during: Keyring = { current: newKey, all: [newKey, oldKey] };
const after: Keyring = { current: newKey, all: [newKey] };

async function seeded(kind: "pglite" | "postgres") {
  const { db } = await open(kind);
  for (const n of [1, 2, 3])
    await insertConnection(db, before, {
      id: `conn_${n}`,
      name: `C${n}`,
      provider: "voiceable",
      baseUrl: "https://api.example.com/api/v1",
      credential: `credential-number-${n}`,
      createdBy: null,
    });
  return db;
}

const keyIds = async (db: Awaited<ReturnType<typeof seeded>>) =>
  (await selectRows<{ k: string }>(db, sql`select credential_key_id as k from connection order by id`)).map(
    (r) => r.k,
  );

describe.each(DATABASE_KINDS)("re-encrypting credentials (%s)", (kind) => {
  it("moves every credential to the new key; afterwards the old key is not needed; a second run changes nothing", async () => {
    const db = await seeded(kind);
    const ciphertexts = await selectRows<{ c: string }>(
      db,
      sql`select credential_ciphertext as c from connection`,
    );
    expect(await reencryptCredentials(db, during)).toEqual({ reencrypted: 3, unchanged: 0 });
    expect(await keyIds(db)).toEqual([newKey.id, newKey.id, newKey.id]);
    const moved = await selectRows<{ c: string }>(db, sql`select credential_ciphertext as c from connection`);
    expect(moved.map((r) => r.c)).not.toContain(ciphertexts[0]!.c);
    const stored = await listStoredConnections(db, after);
    expect(await Promise.all(stored.map((c) => c.credential()))).toEqual([
      "credential-number-1",
      "credential-number-2",
      "credential-number-3",
    ]);
    await expect((await listStoredConnections(db, before))[0]!.credential()).rejects.toThrow(/does not have/);
    expect(await reencryptCredentials(db, during)).toEqual({ reencrypted: 0, unchanged: 3 });
  });

  it("is all or nothing: one credential that does not decrypt stops the run and moves none", async () => {
    const db = await seeded(kind);
    await db
      .update(connection)
      .set({ credentialCiphertext: sql`(select credential_ciphertext from connection where id = 'conn_1')` })
      .where(eq(connection.id, "conn_3"));
    await expect(reencryptCredentials(db, during)).rejects.toThrow(/conn_3 does not decrypt/);
    expect(await keyIds(db)).toEqual([oldKey.id, oldKey.id, oldKey.id]);
    expect(await (await listStoredConnections(db, before))[1]!.credential()).toBe("credential-number-2");
  });

  it("refuses to run without the old key, naming the key id it lacks", async () => {
    const db = await seeded(kind);
    await expect(reencryptCredentials(db, after)).rejects.toThrow(new RegExp(oldKey.id));
    expect(await keyIds(db)).toEqual([oldKey.id, oldKey.id, oldKey.id]);
  });
});
