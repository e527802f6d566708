// The text a leak report leaves behind (the audit reason, the record, the alert): the scanner's
// name and the URL where the token was found. A URL is text Keydesk did not choose and may hold the
// token itself (a paste's query string): it is kept only with the token and anything secret-shaped
// taken out, and cut to a length the audit reason takes.
import "server-only";
import { REASON_MAX } from "@/lib/keys/schema";
import { redactSecrets } from "@/lib/text/secret-pattern";
import { SCANNER_NAMES, type Scanner } from "./types";

const URL_MAX = 400;

/** `url` without `token` (nor anything shaped like a secret), at most URL_MAX characters. */
export function safeUrl(url: string | null, token: string): string | null {
  if (url === null) return null;
  let text = url;
  if (token.length > 0) text = text.split(token).join("[redacted]");
  text = redactSecrets(text);
  return text.length > URL_MAX ? `${text.slice(0, URL_MAX - 1)}…` : text;
}

/** The reason on the audit row and the key's disable reason: "reported public by GitHub secret scanning: <url>". */
export function leakReason(scanner: Scanner, url: string | null): string {
  const reason = `reported public by ${SCANNER_NAMES[scanner]}${url ? `: ${url}` : ""}`;
  return reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason;
}
