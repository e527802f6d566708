// Credentials at rest: AES-256-GCM with a fresh 96-bit IV per encryption and the connection's id as
// additional authenticated data, so a ciphertext copied onto another row (or edited, or read with
// another key) fails to decrypt instead of handing back a credential. Each ciphertext carries the
// id of the key that made it: a fingerprint, never the key, so several keys can be held while
// credentials move from an old one to a new one (reencrypt.ts).
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The format's version, first in every ciphertext, so a later format can be told apart. */
const FORMAT = "v1";

export interface EncryptionKey {
  /** A fingerprint of the key (not the key): which key encrypted a credential. */
  id: string;
  bytes: Buffer;
}

export interface Sealed {
  ciphertext: string;
  keyId: string;
}

export class CredentialDecryptError extends Error {
  override name = "CredentialDecryptError";
}

/** A 32-byte key with its id (the first 16 hex digits of the SHA-256 of a label and the key). */
export function encryptionKey(bytes: Buffer): EncryptionKey {
  if (bytes.length !== 32) throw new Error("An encryption key is 32 bytes.");
  const id = createHash("sha256").update("keydesk-connection-key\0").update(bytes).digest("hex").slice(0, 16);
  return { id, bytes };
}

function aad(connectionId: string): Buffer {
  return Buffer.from(`keydesk-connection:${connectionId}`, "utf8");
}

export function seal(key: EncryptionKey, connectionId: string, credential: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(connectionId));
  const body = Buffer.concat([cipher.update(credential, "utf8"), cipher.final()]);
  const packed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64");
  return { ciphertext: `${FORMAT}:${packed}`, keyId: key.id };
}

/**
 * The credential, from a ciphertext made by `seal` for this connection under one of `keys`. Any
 * mismatch (another row's ciphertext, a changed byte, a key not held) is a CredentialDecryptError
 * whose message names no secret.
 */
export function open(keys: readonly EncryptionKey[], connectionId: string, sealed: Sealed): string {
  const key = keys.find((k) => k.id === sealed.keyId);
  if (!key)
    throw new CredentialDecryptError(
      `The credential of connection ${connectionId} was encrypted with a key Keydesk does not have (key id ${sealed.keyId}); set it as KEYDESK_ENCRYPTION_KEY or KEYDESK_ENCRYPTION_KEY_OLD.`,
    );
  const [format, packed] = sealed.ciphertext.split(":", 2);
  const bytes = format === FORMAT && packed ? Buffer.from(packed, "base64") : Buffer.alloc(0);
  if (bytes.length < IV_BYTES + TAG_BYTES)
    throw new CredentialDecryptError(
      `The credential of connection ${connectionId} is not a ciphertext Keydesk made.`,
    );
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, key.bytes, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(connectionId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new CredentialDecryptError(
      `The credential of connection ${connectionId} does not decrypt: it was changed, or belongs to another connection.`,
    );
  }
}

/** Shorter credentials show no hint: their last four characters would be too much of them. */
const HINT_MIN_LENGTH = 12;

/** What of a credential may leave the server: its last four characters (none for a short one). */
export function credentialHint(credential: string): string {
  const chars = [...credential];
  return chars.length < HINT_MIN_LENGTH ? "" : chars.slice(-4).join("");
}
