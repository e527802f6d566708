// What a failed run leaves behind, in the job table and on the jobs page: a short message that says
// what went wrong and nothing it might have carried. An error is never stored as it comes (its
// stack, a database error's parameters, an upstream's text could hold anything); only Keydesk's own
// messages (ApiError) are kept as they are, anything else is summarised as the server log does.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { summariseError } from "@/lib/log/server-error";

export interface JobFailure {
  /** A plain object, not an Error: pg-boss stores what it is given, and an Error would bring its stack. */
  message: string;
  code: string;
}

export function jobFailure(error: unknown): JobFailure {
  if (ApiError.is(error)) return { code: error.code, message: error.message };
  const summary = summariseError(error);
  const detail = summary.sqlState
    ? `database error ${summary.sqlState}${summary.query ? ` (${summary.query})` : ""}`
    : (summary.message ?? summary.name);
  return { code: summary.sqlState ? "database" : "internal", message: detail };
}
