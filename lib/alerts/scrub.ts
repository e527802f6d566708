// An error as the delivery log keeps it: short, with the channel's secret (and anything shaped like a
// key's secret) taken out, because the log is shown on the page and a transport's message may quote
// what it was given (a URL, a server's answer to a password).
import { redactSecrets } from "@/lib/text/secret-pattern";

const MAX_LENGTH = 300;

export function scrubError(message: string, secrets: readonly (string | null | undefined)[]): string {
  let text = message;
  for (const secret of secrets) if (secret) text = text.split(secret).join("[secret]");
  text = redactSecrets(text).replace(/\s+/g, " ").trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** The message of a thrown value, with its cause's (fetch's "fetch failed" says nothing alone). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
