// The secret that signs session cookies. Real mode takes KEYDESK_AUTH_SECRET (every instance must
// share it). Demo mode makes one on first start and keeps it in the data folder, so demo sessions
// survive a restart.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, env, isDemoMode } from "@/lib/env";

export function authSecret(): string {
  const e = env();
  if (e.KEYDESK_AUTH_SECRET) return e.KEYDESK_AUTH_SECRET;
  if (!isDemoMode(e)) {
    throw new ConfigError(
      "KEYDESK_AUTH_SECRET is required when ELEVENLABS_API_KEY is set (at least 32 characters, the same on every instance).",
    );
  }
  const dir = resolve(e.KEYDESK_DATA_DIR);
  const file = join(dir, "demo-auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
