// `npm run connections:reencrypt`: after choosing a new encryption key, run with the new key as
// KEYDESK_ENCRYPTION_KEY and the one it replaces as KEYDESK_ENCRYPTION_KEY_OLD (and the database's
// DATABASE_URL or KEYDESK_DATA_DIR, as the servers have them). Servers given both keys keep reading
// every credential while this runs; afterwards KEYDESK_ENCRYPTION_KEY_OLD can go.
import nextEnv from "@next/env";
import { env } from "@/lib/env";
import { getDatabase } from "@/lib/db";
import { keyring } from "./keys";
import { reencryptCredentials } from "./reencrypt";
import { reencryptChannelSecrets } from "@/lib/alerts/reencrypt";

async function main(): Promise<number> {
  nextEnv.loadEnvConfig(process.cwd());
  const e = env();
  if (!e.KEYDESK_ENCRYPTION_KEY_OLD) {
    console.error(
      "Set KEYDESK_ENCRYPTION_KEY_OLD to the key the credentials are under now, and KEYDESK_ENCRYPTION_KEY to the new one.",
    );
    return 2;
  }
  const database = await getDatabase();
  try {
    const keys = keyring(e);
    const result = await reencryptCredentials(database.db, keys);
    console.log(
      `Re-encrypted ${result.reencrypted} connection credential(s) under key ${keys.current.id}; ${result.unchanged} were already under it.`,
    );
    // Alert channels' secrets are sealed with the same keys (lib/alerts/DECISIONS.md).
    const channels = await reencryptChannelSecrets(database.db, keys);
    console.log(
      `Re-encrypted ${channels.reencrypted} alert channel secret(s); ${channels.unchanged} were already under it.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The messages name connections and key ids, never a credential or a key.
    console.error(`Nothing was re-encrypted: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
