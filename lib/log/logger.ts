// Keydesk's server log: one JSON object per line on stdout (pino), for a log collector to read.
// Lines carry the request id where there is one (`logger.child({ requestId })` or a `requestId`
// field). Any field named like a secret (authorization, cookie, an API key, password, secret,
// token, code) is replaced, at any depth, before the line is written: a caller who logs a header
// bag or a token response by mistake still leaks nothing. Messages are the caller's job: the
// error logger (server-error.ts) writes only summaries.
import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

const SECRET_KEY = /authorization|cookie|api[-_]?key|password|passwd|secret|token|^code$|^otp$/i;
export const REDACTED = "[redacted]";

/** A copy of a value with every secret-named field replaced (bounded depth; cycles are cut). */
function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth > 8 || seen.has(value)) return "[…]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return copy;
}

/** A logger writing to the given stream (tests), or to stdout. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (object: Record<string, unknown>) => redact(object) as Record<string, unknown>,
    },
  };
  // Written synchronously: lines keep their order, and none is lost when the process exits right
  // after (the shutdown drain's last line).
  const root = pino(options, destination ?? pino.destination({ fd: 1, sync: true }));
  // pino writes a child's bindings as they are (its formatters see only each call's fields), so
  // they are redacted here; children inherit from their parent, so this covers every generation.
  const child = root.child;
  root.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redact(bindings) as typeof bindings, childOptions);
  } as typeof child;
  return root;
}

export const logger: Logger = createLogger();

export type { Logger };
