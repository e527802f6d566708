// better-auth's own log lines, without their details: on a failed OAuth callback it would print the
// state, a provider profile or a token response. Keydesk keeps the message and, for an error, its
// name and code; what happened to whom is on the audit log instead.
import "server-only";
import { logger } from "@/lib/log/logger";

type Level = "debug" | "info" | "warn" | "error";

function errorSummary(value: unknown): string | null {
  if (!(value instanceof Error)) return null;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? `${value.name}: ${code}` : value.name;
}

export function logAuthMessage(level: Level, message: string, ...args: unknown[]): void {
  const errors = args.map(errorSummary).filter(Boolean);
  const line = `[Better Auth] ${message}${errors.length ? ` (${errors.join("; ")})` : ""}`;
  if (level === "error") logger.error(line);
  else if (level === "warn") logger.warn(line);
  else if (level === "info") logger.info(line);
  else logger.debug(line);
}
