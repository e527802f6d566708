// Randomness for ids and secrets, and a repeatable stream for seeds (so the same seed always gives
// the same ids, secrets' postfixes and dates).
import { createHash } from "node:crypto";

export type RandomBytes = (size: number) => Uint8Array;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A deterministic byte stream (SHA-256 in counter mode) so seeds are repeatable. */
export function seededRandom(seed: string): RandomBytes {
  let counter = 0;
  return (size) => {
    const out = new Uint8Array(size);
    for (let filled = 0; filled < size;) {
      const block = createHash("sha256").update(`${seed}:${counter++}`).digest();
      const take = Math.min(block.length, size - filled);
      out.set(block.subarray(0, take), filled);
      filled += take;
    }
    return out;
  };
}

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/** A version-4 UUID from 16 random bytes. */
export function uuidFrom(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
