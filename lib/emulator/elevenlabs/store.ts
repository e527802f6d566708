// The emulator's workspace: service accounts, their keys and the secrets that unlock them, held in
// memory. Records are kept in wire form (snake_case), because the emulator speaks the wire.
import { createHash, randomBytes } from "node:crypto";
import type { PermissionType } from "./permissions";

export interface KeyRecord {
  key_id: string;
  service_account_user_id: string;
  name: string;
  hint: string;
  hashed_xi_api_key: string;
  created_at_unix: number;
  is_disabled: boolean;
  /** null: unrestricted (created with "all"). */
  permissions: PermissionType[] | null;
  disable_reason: "trial_ended" | "subscription_downgrade" | "exposed_publicly" | "self_disabled" | null;
  character_limit: number | null;
  character_count: number;
  allowed_ips: string[] | null;
  third_party_disable_allowed: boolean | null;
  concurrency_limits: { tts?: number; dubbing?: number; music?: number };
}

export interface ServiceAccountRecord {
  service_account_user_id: string;
  name: string;
  created_at_unix: number;
  keys: Map<string, KeyRecord>;
}

export type NewKey = Pick<KeyRecord, "name" | "permissions" | "character_limit" | "allowed_ips"> &
  Partial<
    Pick<
      KeyRecord,
      | "third_party_disable_allowed"
      | "concurrency_limits"
      | "created_at_unix"
      | "is_disabled"
      | "disable_reason"
      | "character_count"
    >
  >;

/** Random source for ids and secrets; seeds pass a deterministic one so demo data is stable. */
export type RandomBytes = (size: number) => Uint8Array;

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export class EmulatorStore {
  readonly serviceAccounts = new Map<string, ServiceAccountRecord>();
  /** sha256(secret) -> key, so a presented secret is found without keeping secrets around. */
  private readonly keysByHash = new Map<string, KeyRecord>();

  constructor(private random: RandomBytes = randomBytes) {}

  /** Swap the random source (seeds use a deterministic one, then restore crypto randomness). */
  withRandom<T>(random: RandomBytes, work: () => T): T {
    const previous = this.random;
    this.random = random;
    try {
      return work();
    } finally {
      this.random = previous;
    }
  }

  clear(): void {
    this.serviceAccounts.clear();
    this.keysByHash.clear();
  }

  get keyCount(): number {
    return this.keysByHash.size;
  }

  private id(length: number): string {
    const bytes = this.random(length);
    let out = "";
    for (const byte of bytes) out += ID_ALPHABET[byte % ID_ALPHABET.length];
    return out;
  }

  private newSecret(): string {
    return `sk_${Buffer.from(this.random(24)).toString("hex")}`;
  }

  createServiceAccount(name: string, createdAtUnix = nowUnix()): ServiceAccountRecord {
    const account: ServiceAccountRecord = {
      service_account_user_id: this.id(28),
      name,
      created_at_unix: createdAtUnix,
      keys: new Map(),
    };
    this.serviceAccounts.set(account.service_account_user_id, account);
    return account;
  }

  /** Creates a key and returns it with its secret; the secret itself is not kept. */
  createKey(account: ServiceAccountRecord, input: NewKey): { key: KeyRecord; secret: string } {
    const secret = this.newSecret();
    const key: KeyRecord = {
      key_id: this.id(20),
      service_account_user_id: account.service_account_user_id,
      name: input.name,
      hint: secret.slice(-4),
      hashed_xi_api_key: sha256Hex(secret),
      created_at_unix: input.created_at_unix ?? nowUnix(),
      is_disabled: input.is_disabled ?? false,
      permissions: input.permissions,
      disable_reason: input.disable_reason ?? null,
      character_limit: input.character_limit,
      character_count: input.character_count ?? 0,
      allowed_ips: input.allowed_ips,
      third_party_disable_allowed: input.third_party_disable_allowed ?? null,
      concurrency_limits: input.concurrency_limits ?? {},
    };
    account.keys.set(key.key_id, key);
    this.keysByHash.set(key.hashed_xi_api_key, key);
    return { key, secret };
  }

  deleteKey(account: ServiceAccountRecord, key: KeyRecord): void {
    account.keys.delete(key.key_id);
    this.keysByHash.delete(key.hashed_xi_api_key);
  }

  /** The key a presented secret belongs to, if it still exists. */
  findKeyBySecret(secret: string): KeyRecord | undefined {
    return this.keysByHash.get(sha256Hex(secret));
  }

  findKeyById(keyId: string): KeyRecord | undefined {
    for (const account of this.serviceAccounts.values()) {
      const key = account.keys.get(keyId);
      if (key) return key;
    }
    return undefined;
  }
}

export function nowUnix(): number {
  return Math.floor(Date.now() / 1000);
}
