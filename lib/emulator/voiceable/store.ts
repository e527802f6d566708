// The emulated Voiceable account's API keys, held in memory, all the owner's. Ids count up from 1
// and are never reused until a reset, like a Rails table's. A secret is never kept, only its
// SHA-256. Times are epoch milliseconds; wire.ts prints them.
import { randomBytes } from "node:crypto";
import { hex, sha256Hex, type RandomBytes } from "../common/random";

export type KeyType = "private" | "public";

export interface VoiceableKey {
  id: number;
  keyType: KeyType;
  name: string;
  /** null for seeded keys, whose secrets nobody knows. */
  secretHash: string | null;
  allowedOrigins: string[];
  allowedAssistants: string[];
  transientAssistant: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface NewKey {
  keyType: KeyType;
  name: string;
  allowedOrigins: string[];
  allowedAssistants: string[];
  transientAssistant: boolean;
}

/** The account owner, whose private key --admin-key is. */
export const OWNER = { id: 1, email: "owner@example.com" } as const;

export class VoiceableStore {
  /** Insertion order is ascending id. */
  readonly keys = new Map<number, VoiceableKey>();
  private readonly byHash = new Map<string, VoiceableKey>();
  private nextId = 1;
  /** Calls started through `POST /calls` since the last reset (their ids count up from 1). */
  callsStarted = 0;

  constructor(private random: RandomBytes = randomBytes) {}

  withRandom<T>(random: RandomBytes, work: () => T): T {
    const saved = this.random;
    this.random = random;
    try {
      return work();
    } finally {
      this.random = saved;
    }
  }

  clear(): void {
    this.keys.clear();
    this.byHash.clear();
    this.nextId = 1;
    this.callsStarted = 0;
  }

  /** Creates a key and returns it with its secret (`vk_priv_`/`vk_pub_` + 48 hex), which is not kept. */
  create(input: NewKey, now: number): { key: VoiceableKey; secret: string } {
    const secret = `vk_${input.keyType === "private" ? "priv" : "pub"}_${hex(this.random(24))}`;
    const key: VoiceableKey = {
      id: this.nextId++,
      ...input,
      secretHash: sha256Hex(secret),
      createdAt: now,
      updatedAt: now,
    };
    this.keys.set(key.id, key);
    this.byHash.set(key.secretHash!, key);
    return { key, secret };
  }

  /** A seeded key: its secret is forgotten at once. */
  forgetSecret(key: VoiceableKey): void {
    if (key.secretHash) this.byHash.delete(key.secretHash);
    key.secretHash = null;
  }

  findBySecret(secret: string): VoiceableKey | undefined {
    return this.byHash.get(sha256Hex(secret));
  }

  delete(id: number): boolean {
    const key = this.keys.get(id);
    if (!key) return false;
    this.keys.delete(id);
    if (key.secretHash) this.byHash.delete(key.secretHash);
    return true;
  }
}
