// Connections added on the page, in the `connection` table. The credential goes in encrypted
// (crypto.ts) and comes out only through `credential()`, which decrypts when called; a listing
// never decrypts anything.
import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { connection } from "@/lib/db/schema";
import { credentialHint, open, seal } from "./crypto";
import type { Keyring } from "./keys";
import type { ConnectionProvider } from "./providers";
import type { Connection } from "./types";

type Row = typeof connection.$inferSelect;

export function newConnectionId(): string {
  return `conn_${randomBytes(12).toString("hex")}`;
}

function fromRow(row: Row, keys: Keyring): Connection {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider as ConnectionProvider,
    baseUrl: row.baseUrl,
    source: "database",
    credentialHint: row.credentialHint,
    createdAt: row.createdAt.toISOString(),
    credential: async () =>
      open(keys.all, row.id, { ciphertext: row.credentialCiphertext, keyId: row.credentialKeyId }),
  };
}

export async function listStoredConnections(db: Db, keys: Keyring): Promise<Connection[]> {
  const rows = await db.select().from(connection).orderBy(connection.createdAt, connection.id);
  return rows.map((row) => fromRow(row, keys));
}

export async function findStoredConnection(db: Db, keys: Keyring, id: string): Promise<Connection | null> {
  const [row] = await db.select().from(connection).where(eq(connection.id, id));
  return row ? fromRow(row, keys) : null;
}

export interface StoredConnectionInput {
  id: string;
  name: string;
  provider: ConnectionProvider;
  baseUrl: string;
  credential: string;
  createdBy: string | null;
}

export async function insertConnection(
  db: Db,
  keys: Keyring,
  input: StoredConnectionInput,
): Promise<Connection> {
  const sealed = seal(keys.current, input.id, input.credential);
  const [row] = await db
    .insert(connection)
    .values({
      id: input.id,
      name: input.name,
      provider: input.provider,
      baseUrl: input.baseUrl,
      credentialCiphertext: sealed.ciphertext,
      credentialKeyId: sealed.keyId,
      credentialHint: credentialHint(input.credential),
      createdBy: input.createdBy,
    })
    .returning();
  return fromRow(row!, keys);
}

export async function renameStoredConnection(db: Db, id: string, name: string): Promise<boolean> {
  const rows = await db
    .update(connection)
    .set({ name, updatedAt: new Date() })
    .where(eq(connection.id, id))
    .returning({ id: connection.id });
  return rows.length > 0;
}

export async function deleteStoredConnection(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(connection).where(eq(connection.id, id)).returning({ id: connection.id });
  return rows.length > 0;
}
