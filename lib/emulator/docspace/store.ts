// The emulated portal's API keys, held in memory. A key's secret is never kept, only its SHA-256,
// so a presented Bearer token is found by hash. Times are epoch milliseconds; wire.ts prints them.
import { randomBytes } from "node:crypto";
import { hex, sha256Hex, uuidFrom, type RandomBytes } from "../common/random";
import type { Scope } from "./scopes";

export interface Member {
  id: string;
  displayName: string;
}

export interface DocspaceKey {
  id: string;
  name: string;
  /** null for seeded keys, whose secrets nobody knows. */
  secretHash: string | null;
  keyPostfix: string;
  /** `[]` = unrestricted. */
  permissions: Scope[];
  lastUsed: number | null;
  createOn: number;
  createBy: Member;
  expiresAt: number | null;
  isActive: boolean;
}

export interface NewKey {
  name: string;
  permissions: Scope[];
  expiresInDays: number | null;
  createBy: Member;
  createOn: number;
}

const DAY_MS = 86_400_000;

export const isExpired = (key: DocspaceKey, now: number): boolean =>
  key.expiresAt !== null && key.expiresAt <= now;

/** A room made through `POST /files/rooms`: only what its answer prints. */
export interface Room {
  id: number;
  title: string;
  roomType: number;
  createdBy: Member;
  created: number;
}

export class DocspaceStore {
  /** Insertion order is creation order: the list answers oldest first. */
  readonly keys = new Map<string, DocspaceKey>();
  /** The portal's rooms, oldest first; none until one is made (a seed makes none). */
  readonly rooms: Room[] = [];
  private readonly byHash = new Map<string, DocspaceKey>();

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
    this.rooms.length = 0;
  }

  /** Creates a key and returns it with its secret (`sk-` + 48 hex), which is not kept. */
  create(input: NewKey): { key: DocspaceKey; secret: string } {
    const secret = `sk-${hex(this.random(24))}`;
    const key: DocspaceKey = {
      id: uuidFrom(this.random(16)),
      name: input.name,
      secretHash: sha256Hex(secret),
      keyPostfix: secret.slice(-4),
      permissions: input.permissions,
      lastUsed: null,
      createOn: input.createOn,
      createBy: input.createBy,
      expiresAt: input.expiresInDays === null ? null : input.createOn + input.expiresInDays * DAY_MS,
      isActive: true,
    };
    this.keys.set(key.id, key);
    this.byHash.set(key.secretHash!, key);
    return { key, secret };
  }

  /** A seeded key: its secret is forgotten at once. */
  forgetSecret(key: DocspaceKey): void {
    if (key.secretHash) this.byHash.delete(key.secretHash);
    key.secretHash = null;
  }

  findBySecret(secret: string): DocspaceKey | undefined {
    return this.byHash.get(sha256Hex(secret));
  }

  delete(id: string): boolean {
    const key = this.keys.get(id);
    if (!key) return false;
    this.keys.delete(id);
    if (key.secretHash) this.byHash.delete(key.secretHash);
    return true;
  }
}
