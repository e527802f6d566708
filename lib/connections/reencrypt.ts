// Moves every stored credential under the current key (KEYDESK_ENCRYPTION_KEY), from any key of the
// keyring (KEYDESK_ENCRYPTION_KEY_OLD): all rows in one transaction, locked while they change, so
// either every credential is under the new key or none moved. A credential that does not decrypt
// stops the whole run with its connection named.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { connection } from "@/lib/db/schema";
import { open, seal } from "./crypto";
import type { Keyring } from "./keys";

export interface ReencryptResult {
  /** Credentials moved to the current key. */
  reencrypted: number;
  /** Already under the current key. */
  unchanged: number;
}

export async function reencryptCredentials(db: Db, keys: Keyring): Promise<ReencryptResult> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: connection.id,
        name: connection.name,
        ciphertext: connection.credentialCiphertext,
        keyId: connection.credentialKeyId,
      })
      .from(connection)
      .for("update");
    let reencrypted = 0;
    for (const row of rows) {
      if (row.keyId === keys.current.id) continue;
      const credential = open(keys.all, row.id, { ciphertext: row.ciphertext, keyId: row.keyId });
      const sealed = seal(keys.current, row.id, credential);
      await tx
        .update(connection)
        .set({ credentialCiphertext: sealed.ciphertext, credentialKeyId: sealed.keyId })
        .where(eq(connection.id, row.id));
      reencrypted++;
    }
    return { reencrypted, unchanged: rows.length - reencrypted };
  });
}
