// The keys that encrypt connection credentials. Real mode: KEYDESK_ENCRYPTION_KEY (the same on every
// instance), plus KEYDESK_ENCRYPTION_KEY_OLD while credentials move to a new key. Demo mode with no
// key set: one is made on first start and kept in the data folder (as lib/auth/secret.ts keeps the
// demo sign-in secret), so demo connections survive a restart.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, decodeEncryptionKey, env, isDemoMode, type Env } from "@/lib/env";
import { encryptionKey, type EncryptionKey } from "./crypto";

export interface Keyring {
  /** What new credentials are encrypted with. */
  current: EncryptionKey;
  /** Every key a stored credential may be under: the current one first. */
  all: EncryptionKey[];
}

export function keyring(e: Env = env()): Keyring {
  const current = encryptionKey(currentKeyBytes(e));
  const old = e.KEYDESK_ENCRYPTION_KEY_OLD ? encryptionKey(e.KEYDESK_ENCRYPTION_KEY_OLD) : null;
  return { current, all: old && old.id !== current.id ? [current, old] : [current] };
}

function currentKeyBytes(e: Env): Buffer {
  if (e.KEYDESK_ENCRYPTION_KEY) return e.KEYDESK_ENCRYPTION_KEY;
  if (!isDemoMode(e)) {
    throw new ConfigError(
      "KEYDESK_ENCRYPTION_KEY is required to store connections when ELEVENLABS_API_KEY is set (32 bytes as base64 or hex, the same on every instance; make one with: openssl rand -base64 32).",
    );
  }
  const dir = resolve(e.KEYDESK_DATA_DIR);
  const file = join(dir, "demo-encryption-key");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  const key = decodeEncryptionKey(readFileSync(file, "utf8"));
  if (!key)
    throw new ConfigError(`${file} does not hold a 32-byte key; delete it and Keydesk makes a new one.`);
  return key;
}
