// Which keys seal credentials: KEYDESK_ENCRYPTION_KEY (and _OLD while moving), or in demo mode one
// made on first use and kept in the data folder; real mode without a key cannot store connections.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readEnv } from "@/lib/env";
import { encryptionKey } from "./crypto";
import { keyring } from "./keys";

const hex = (n: number) => Buffer.alloc(32, n).toString("hex");

describe("the encryption keyring", () => {
  it("demo mode with no key makes one in the data folder (owner-only) and keeps using it", () => {
    const dir = mkdtempSync(join(tmpdir(), "keydesk-keys-"));
    const first = keyring(readEnv({ KEYDESK_DATA_DIR: dir }));
    const file = join(dir, "demo-encryption-key");
    expect(readFileSync(file, "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyring(readEnv({ KEYDESK_DATA_DIR: dir })).current.id).toBe(first.current.id);
  });

  it("real mode takes KEYDESK_ENCRYPTION_KEY, reads with _OLD too, and without a key refuses with what to set", () => {
    const e = readEnv({
      ELEVENLABS_API_KEY: "x",
      KEYDESK_ENCRYPTION_KEY: hex(1),
      KEYDESK_ENCRYPTION_KEY_OLD: hex(2),
    });
    const keys = keyring(e);
    expect(keys.current.id).toBe(encryptionKey(Buffer.alloc(32, 1)).id);
    expect(keys.all.map((k) => k.id)).toEqual([keys.current.id, encryptionKey(Buffer.alloc(32, 2)).id]);
    expect(() => keyring(readEnv({ ELEVENLABS_API_KEY: "x" }))).toThrow(ConfigError);
    expect(() => keyring(readEnv({ ELEVENLABS_API_KEY: "x" }))).toThrow(/KEYDESK_ENCRYPTION_KEY is required/);
  });
});
