// Moves every alert channel's secret under the current encryption key, as connections' credentials
// move (lib/connections/reencrypt.ts, `npm run connections:reencrypt` runs both): one transaction,
// rows locked; a secret that does not open stops the run with its channel named (never the secret).
import "server-only";
import { eq, isNotNull } from "drizzle-orm";
import { open, seal } from "@/lib/connections/crypto";
import type { Keyring } from "@/lib/connections/keys";
import type { Db } from "@/lib/db";
import { alertChannel } from "@/lib/db/schema";

export async function reencryptChannelSecrets(
  db: Db,
  keys: Keyring,
): Promise<{ reencrypted: number; unchanged: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: alertChannel.id,
        ciphertext: alertChannel.secretCiphertext,
        keyId: alertChannel.secretKeyId,
      })
      .from(alertChannel)
      .where(isNotNull(alertChannel.secretCiphertext))
      .for("update");
    let reencrypted = 0;
    for (const row of rows) {
      if (row.keyId === keys.current.id) continue;
      const secret = open(keys.all, row.id, { ciphertext: row.ciphertext!, keyId: row.keyId ?? "" });
      const sealed = seal(keys.current, row.id, secret);
      await tx
        .update(alertChannel)
        .set({ secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId })
        .where(eq(alertChannel.id, row.id));
      reencrypted++;
    }
    return { reencrypted, unchanged: rows.length - reencrypted };
  });
}
