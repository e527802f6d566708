// The one way Keydesk writes an error to the server log. A database error must never be printed
// as it comes: Drizzle's DrizzleQueryError carries the statement's parameters (names, emails, IPs)
// in `params` and in its message, and PostgreSQL's own messages quote values ('invalid input syntax
// for type integer: "…"'). So for a database error the line holds what is enough to start looking
// and nothing a person typed: PostgreSQL's SQLSTATE code, a label for the statement (its operation
// and table, read from the SQL text, never from the values) and the constraint's name, plus the
// request id. Other errors keep their class and first message line, with anything shaped like a
// secret, an email address or an IPv4 address masked.
import "server-only";
import { SECRET_PATTERN } from "@/lib/text/secret-pattern";
import { logger } from "./logger";

type Fields = Record<string, unknown>;

/** The error and its causes, outermost first (bounded: a cause chain can loop). */
function chain(error: unknown): Fields[] {
  const found: Fields[] = [];
  for (
    let e = error, depth = 0;
    typeof e === "object" && e !== null && depth < 5 && !found.includes(e as Fields);
    e = (e as Fields).cause, depth++
  ) {
    found.push(e as Fields);
  }
  return found;
}

/** Drizzle's wrapper (the failing SQL text and its parameters) or a driver error (pg and PGlite both set `severity`). */
function isDatabaseError(e: Fields): boolean {
  return (
    (typeof e.query === "string" && "params" in e) ||
    (typeof e.severity === "string" && typeof e.code === "string")
  );
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** "insert audit_log", "select user", …: the operation and first table of a statement, or null. */
export function queryLabel(sqlText: string): string | null {
  const text = sqlText.replace(/\s+/g, " ").trim();
  const operation = /^(with|select|insert|update|delete)\b/i.exec(text)?.[1]?.toLowerCase();
  if (!operation) return /^\w+/.exec(text)?.[0]?.toLowerCase() ?? null;
  const table =
    operation === "insert"
      ? /\binsert into "?([\w.]+)"?/i.exec(text)
      : operation === "update"
        ? /\bupdate "?([\w.]+)"?/i.exec(text)
        : /\bfrom "?([\w.]+)"?/i.exec(text);
  return table ? `${operation} ${table[1]}` : operation;
}

export interface ErrorSummary {
  name: string;
  sqlState: string | null;
  query: string | null;
  constraint: string | null;
  /** Only for errors that are not database errors, masked; null for database errors. */
  message: string | null;
}

const IDENTIFIER = /^[\w.$-]{1,128}$/;

/** Masks what could identify a person or unlock something in a non-database error's message. */
function masked(message: string): string {
  const firstLine = message.split(/\r?\n/, 1)[0] ?? "";
  return firstLine
    .replace(new RegExp(SECRET_PATTERN.source, "gi"), "sk_[redacted]")
    .replace(/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g, "[email]")
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, "[ip]")
    .slice(0, 200);
}

/** What may be logged about an error, and nothing else. */
export function summariseError(error: unknown): ErrorSummary {
  const errors = chain(error);
  const top = errors[0];
  const name = error instanceof Error ? error.name : typeof error;
  const database = errors.filter(isDatabaseError);
  if (database.length === 0) {
    return {
      name,
      sqlState: null,
      query: null,
      constraint: null,
      message: top && typeof top.message === "string" ? masked(top.message) : null,
    };
  }
  const sqlState =
    database.map((e) => e.code).find((c): c is string => typeof c === "string" && SQLSTATE.test(c)) ?? null;
  const sqlText = database.map((e) => e.query).find((q): q is string => typeof q === "string");
  const constraint =
    database.map((e) => e.constraint).find((c): c is string => typeof c === "string" && IDENTIFIER.test(c)) ??
    null;
  // Drizzle's wrapper is a plain Error; say what it is rather than "Error".
  const label =
    database.some((e) => typeof e.query === "string") && name === "Error" ? "DrizzleQueryError" : name;
  return { name: label, sqlState, query: sqlText ? queryLabel(sqlText) : null, constraint, message: null };
}

/** One line: what failed, in which request, and the summary. Never the error object itself. */
export function errorLogLine(what: string, error: unknown, requestId?: string | null): string {
  const s = summariseError(error);
  const details = [
    s.sqlState ? `SQLSTATE ${s.sqlState}` : null,
    s.query ? `query: ${s.query}` : null,
    s.constraint ? `constraint: ${s.constraint}` : null,
  ].filter(Boolean);
  const where = requestId ? ` in request ${requestId}` : "";
  return `Keydesk: ${what}${where}: ${s.name}${s.message ? `: ${s.message}` : ""}${details.length ? ` (${details.join(", ")})` : ""}`;
}

/** Writes errorLogLine to the server log (logger.ts), with the request id as a field of its own too. */
export function logServerError(what: string, error: unknown, requestId?: string | null): void {
  logger.error(requestId ? { requestId } : {}, errorLogLine(what, error, requestId));
}
