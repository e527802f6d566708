// The one reading of a sign-in request. Keydesk parses and validates the body itself (JSON only),
// counts the attempt against the normalised email, then hands better-auth a fresh request holding
// exactly that email and password: better-auth never reads the client's body, so no body type or
// spelling of the address can reach the password check without being counted.
import "server-only";
import { z } from "zod";
import { ApiError, fromZod } from "@/lib/http/api-error";
import { STAMP_HEADERS } from "@/lib/http/request-stamp";

/** Other fields (better-auth's rememberMe, callbackURL) are dropped: better-auth gets only these two. */
const credentials = z.object({
  email: z.string({ error: "Enter your email address." }).max(1000, "Too long."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1000, "Too long."),
});

export interface SignInBody {
  /** Trimmed and lower-cased; null when it is not an email address (it is then never recorded). */
  email: string | null;
  password: string;
}

function isJson(req: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "");
}

export async function readSignInBody(req: Request): Promise<SignInBody> {
  if (!isJson(req))
    throw new ApiError(
      "unsupported_media_type",
      "Send the sign-in as JSON (Content-Type: application/json).",
    );
  let raw: unknown;
  try {
    raw = JSON.parse(await req.text());
  } catch {
    throw new ApiError("validation_failed", "body: not valid JSON", {
      fields: [{ path: [], message: "Not valid JSON" }],
    });
  }
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, "body");
  const email = parsed.data.email.trim().toLowerCase();
  // Whatever else was typed (a pasted secret, a password in the wrong field) is no address: it is
  // refused like a wrong password, and stays out of the audit log.
  const valid = email.length <= 320 && z.email().safeParse(email).success;
  return { email: valid ? email : null, password: parsed.data.password };
}

/**
 * A new request for better-auth: the client's headers (cookies, origin, host, the server's stamp),
 * a JSON body Keydesk wrote, and the client's address in the one header better-auth reads it from
 * (auth.ts `advanced.ipAddress`), or none when it is unknown.
 */
export function betterAuthRequest(req: Request, body: object, clientIp: string | null): Request {
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  if (clientIp) headers.set(STAMP_HEADERS.clientIp, clientIp);
  else headers.delete(STAMP_HEADERS.clientIp);
  return new Request(req.url, { method: "POST", headers, body: JSON.stringify(body) });
}
