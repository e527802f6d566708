// The webhook signature, for receivers to check (README "Alerts"). Each POST carries
//   X-Keydesk-Timestamp: <unix seconds when it was sent>
//   X-Keydesk-Signature: sha256=<hex HMAC-SHA256, keyed with the channel's secret, of "<timestamp>.<raw body>">
// The timestamp is signed with the body, so a captured request cannot be replayed later with a new
// timestamp: a receiver recomputes the HMAC over the raw bytes it got, compares in constant time,
// and refuses a timestamp more than SIGNATURE_TOLERANCE_SECONDS from its own clock.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-keydesk-signature";
export const TIMESTAMP_HEADER = "x-keydesk-timestamp";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (and the tests do): true when the signature is right and the timestamp recent. */
export function verifySignature(
  secret: string,
  headers: { signature: string | null; timestamp: string | null },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
