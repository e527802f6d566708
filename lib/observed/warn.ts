// One line on the server log when observation cannot do its job. Never the error's message: a
// driver's message can quote the statement and its parameters, which name keys. The error's class
// and PostgreSQL's SQLSTATE code (on the error, or on the driver error Drizzle wraps) say enough
// to start looking.
import "server-only";
import { logger } from "@/lib/log/logger";

function sqlState(error: unknown): string | null {
  for (
    let e = error, depth = 0;
    typeof e === "object" && e !== null && depth < 3;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

export function warnObservation(what: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = sqlState(error);
  logger.warn(`Keydesk: ${what} (${name}${code ? ` ${code}` : ""}).`);
}
