// A generic scanner's side of POST /api/leaks/generic, written from the documented format (README,
// lib/leaks/DECISIONS.md) rather than from Keydesk's code: `Keydesk-Signature: t=<unix seconds>,
// v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
import { createHmac } from "node:crypto";

export function webhookSignature(secret: string, body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}
