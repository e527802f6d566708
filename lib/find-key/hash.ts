// The one place a pasted secret is turned into what matching uses: its SHA-256, as hex (the form
// ElevenLabs reports each key's hashed secret in). Server-side only.
import "server-only";
import { createHash } from "node:crypto";

export function secretSha256(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
