// Alert channels in the `alert_channel` table. The secret goes in encrypted with the connections'
// keys and cipher (lib/connections/crypto.ts; the channel's `alch_` id is the additional data, so a
// ciphertext moved to another row, or to a connection's, does not open) and comes out only through
// `secret()`; listing decrypts nothing.
import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { credentialHint, open, seal } from "@/lib/connections/crypto";
import type { Keyring } from "@/lib/connections/keys";
import type { Db } from "@/lib/db";
import { alertChannel } from "@/lib/db/schema";
import type { AlertKind, AlertSeverity } from "./events";
import type { ChannelConfig, ChannelType, ChannelView } from "./types";

type Row = typeof alertChannel.$inferSelect;

export interface StoredChannel extends ChannelView {
  /** The decrypted secret (signing secret, Slack URL, SMTP password), or null when it has none. */
  secret: () => string | null;
}

export function newChannelId(): string {
  return `alch_${randomBytes(12).toString("hex")}`;
}

function fromRow(row: Row, keys: Keyring): StoredChannel {
  const { secretCiphertext, secretKeyId } = row;
  return {
    id: row.id,
    type: row.type as ChannelType,
    name: row.name,
    config: row.config as ChannelConfig,
    secretHint: row.secretHint,
    hasSecret: secretCiphertext !== null,
    enabled: row.enabled,
    kinds: row.kinds as AlertKind[],
    minSeverity: row.minSeverity as AlertSeverity,
    createdAt: row.createdAt.toISOString(),
    secret: () =>
      secretCiphertext && secretKeyId
        ? open(keys.all, row.id, { ciphertext: secretCiphertext, keyId: secretKeyId })
        : null,
  };
}

/** What of a channel leaves the server: everything but the secret itself. */
export function channelView(channel: StoredChannel): ChannelView {
  const { secret: _secret, ...view } = channel;
  void _secret;
  return view;
}

export async function listChannels(db: Db, keys: Keyring): Promise<StoredChannel[]> {
  const rows = await db.select().from(alertChannel).orderBy(alertChannel.createdAt, alertChannel.id);
  return rows.map((row) => fromRow(row, keys));
}

export async function findChannel(db: Db, keys: Keyring, id: string): Promise<StoredChannel | null> {
  const [row] = await db.select().from(alertChannel).where(eq(alertChannel.id, id));
  return row ? fromRow(row, keys) : null;
}

export interface ChannelInput {
  id: string;
  type: ChannelType;
  name: string;
  config: ChannelConfig;
  secret: string | null;
  kinds: AlertKind[];
  minSeverity: AlertSeverity;
  createdBy: string | null;
}

export async function insertChannel(db: Db, keys: Keyring, input: ChannelInput): Promise<StoredChannel> {
  const sealed = input.secret ? seal(keys.current, input.id, input.secret) : null;
  const [row] = await db
    .insert(alertChannel)
    .values({
      id: input.id,
      type: input.type,
      name: input.name,
      config: input.config,
      secretCiphertext: sealed?.ciphertext ?? null,
      secretKeyId: sealed?.keyId ?? null,
      secretHint: input.secret ? credentialHint(input.secret) : "",
      kinds: input.kinds,
      minSeverity: input.minSeverity,
      createdBy: input.createdBy,
    })
    .returning();
  return fromRow(row!, keys);
}

export async function deleteChannel(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(alertChannel)
    .where(eq(alertChannel.id, id))
    .returning({ id: alertChannel.id });
  return rows.length > 0;
}
