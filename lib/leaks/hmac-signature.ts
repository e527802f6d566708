// The generic scanner endpoint's signature: header `Keydesk-Signature: t=<unix seconds>,v1=<hex>`,
// where v1 is HMAC-SHA256, keyed with KEYDESK_LEAK_WEBHOOK_SECRET, of `<t>.<raw body>`. The time is
// signed with the body, so an old message cannot be sent again with a new time; one older (or
// newer) than the tolerance is refused, and one within it is caught by the seen-message table.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "keydesk-signature";
export const TOLERANCE_SECONDS = 300;

export function hmacSignature(secret: string, timestamp: number, body: Buffer | string): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
}

/** The header a sender writes (tests and the documentation's example use it). */
export function signatureHeader(secret: string, body: Buffer | string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${hmacSignature(secret, t, body)}`;
}

export type HmacCheck = "ok" | "missing" | "malformed" | "stale" | "bad_signature";

export function checkHmacSignature(
  secret: string,
  header: string | null,
  body: Buffer,
  now = Date.now(),
): HmacCheck {
  if (!header) return "missing";
  const parts = new Map(
    header.split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = parts.get("t");
  const given = parts.get("v1");
  if (!t || !/^\d{1,12}$/.test(t) || !given || !/^[0-9a-f]{64}$/i.test(given)) return "malformed";
  if (Math.abs(now / 1000 - Number(t)) > TOLERANCE_SECONDS) return "stale";
  const expected = Buffer.from(hmacSignature(secret, Number(t), body), "hex");
  return timingSafeEqual(expected, Buffer.from(given, "hex")) ? "ok" : "bad_signature";
}
