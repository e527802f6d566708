// GitHub signs each secret-scanning message with ECDSA P-256 over SHA-256 of the raw body; the
// signature is base64 of its DER encoding (Github-Public-Key-Signature), and the key is named by
// Github-Public-Key-Identifier. Verified over the bytes as they came, before anything is parsed.
import "server-only";
import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** A PEM public key read once; null when it is not a P-256 (prime256v1) EC key. */
export function readP256Key(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") return null;
    return key;
  } catch {
    return null;
  }
}

/** True when `signatureBase64` is `key`'s ECDSA P-256 / SHA-256 signature (DER) of `body`. */
export function verifyGithubSignature(key: KeyObject, body: Buffer, signatureBase64: string): boolean {
  const text = signatureBase64.trim();
  // A DER ECDSA P-256 signature is at most 72 bytes; refuse anything that is not plain base64.
  if (!/^[A-Za-z0-9+/]{1,200}={0,2}$/.test(text)) return false;
  try {
    return verify("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(text, "base64"));
  } catch {
    return false;
  }
}
