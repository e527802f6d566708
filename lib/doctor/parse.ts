// Reads what a caller pasted (ElevenLabs', DocSpace's or Voiceable's error JSON, a log line with JSON inside, a message copied
// from a screenshot, an HTTP status alone, or nothing) into a few signals. Forgiving on purpose:
// any part it cannot read is left out, never an error. Runs on the server only for the diagnosis;
// nothing pasted is sent upstream, stored or logged, and only the signals leave this module.
import { parseIpAddress } from "@/lib/ip/cidr";
import type { PastedSignals, SignalKind } from "./types";

/** The longest text read; the API refuses more (schema.ts), this only guards a direct caller. */
const READ_MAX = 20_000;

const EMPTY: PastedSignals = {
  status: null,
  code: null,
  kind: null,
  permission: null,
  ip: null,
  origin: null,
  assistant: null,
};

/** A JSON object found anywhere in the text: the whole of it, or from its first `{` to its last `}`. */
function jsonIn(text: string): unknown {
  for (const candidate of [text, text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)]) {
    if (!candidate.startsWith("{") && !candidate.startsWith("[")) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // Not JSON as a whole (a log line cut short, single quotes…): the text patterns below still read it.
    }
  }
  return null;
}

const str = (v: unknown) => (typeof v === "string" && v.length <= 500 ? v : null);
const httpStatus = (v: unknown) =>
  typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599 ? v : null;

/**
 * ElevenLabs' `{detail: {status, code, message}}`, a FastAPI `{detail: "text"}`, DocSpace's
 * `{status: 1, statusCode, error: {message}}`, Voiceable's `{status: {code, message}, error,
 * errors: [...]}`, or another `{error: …}`.
 */
function fromJson(value: unknown): { code: string | null; message: string | null; status: number | null } {
  const none = { code: null, message: null, status: null };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return none;
  const o = value as Record<string, unknown>;
  const voiceable = o.status as Record<string, unknown> | null;
  if (typeof voiceable === "object" && voiceable !== null && !Array.isArray(voiceable)) {
    // Voiceable: its words are status.message, then the errors list (as its dashboard shows them).
    const errors = Array.isArray(o.errors) ? o.errors.map(str).filter((e) => e !== null) : [];
    const words = [str(voiceable.message), ...errors].filter((w) => w !== null).join(" ");
    return { code: null, message: str(words) ?? str(voiceable.message), status: httpStatus(voiceable.code) };
  }
  const inner = (o.detail ?? o.error ?? o) as unknown;
  const status = httpStatus(o.status) ?? httpStatus(o.statusCode);
  if (typeof inner === "string") return { code: null, message: str(inner), status };
  if (typeof inner !== "object" || inner === null || Array.isArray(inner)) return { ...none, status };
  const d = inner as Record<string, unknown>;
  const innerStatus = httpStatus(d.status) ?? httpStatus(d.http_status);
  return {
    code: str(d.code) ?? str(d.status) ?? str(d.type),
    message: str(d.message),
    status: status ?? innerStatus,
  };
}

const STATUS_PATTERNS = [
  /\bHTTP\/[\d.]+\s+([1-5]\d\d)\b/i,
  /\bstatus(?:[ _-]?code)?["']?\s*[:=]?\s*([1-5]\d\d)\b/i,
  /\b([45]\d\d)\s*(?:Unauthorized|Forbidden|Payment Required|Too Many Requests|Not Found|Bad Request|Unprocessable)/i,
  /\b(?:error|code)\s*[:=]?\s*([45]\d\d)\b/i,
];

function statusIn(text: string): number | null {
  const bare = /^\s*([1-5]\d\d)\s*$/.exec(text);
  if (bare) return Number(bare[1]);
  for (const pattern of STATUS_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

const CODE_IN_TEXT = /["']?code["']?\s*[:=]\s*["']([a-z][a-z0-9_]{2,60})["']/i;
const PERMISSION_IN_TEXT =
  /missing\s+(?:the\s+)?(?:permission|scope)s?\s*[:'"`]?\s*([a-z][a-z0-9_.:*]{1,60})/i;
/** Voiceable's refusals name the origin and the assistant ("Origin https://x.io is not allowed …"). */
const ORIGIN_IN_TEXT = /\borigin\s+["'`]?(https?:\/\/[^\s"'`,;]+?)["'`]?\s+(?:is\s+)?not\s+allowed/i;
const ASSISTANT_IN_TEXT = /\bassistant\s+["'`]?([\w.:-]{1,200}?)["'`]?\s+(?:is\s+)?not\s+allowed/i;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;

/** The first address in the text that really is one (a version number like 1.2.3.4.5 is not). */
function ipIn(text: string): string | null {
  for (const pattern of [IPV4, IPV6]) {
    for (const m of text.matchAll(pattern)) if (parseIpAddress(m[0].toLowerCase())) return m[0].toLowerCase();
  }
  return null;
}

/** What kind of failure the words and code say, most specific first. */
function kindOf(code: string | null, words: string, status: number | null): SignalKind | null {
  const c = (code ?? "").toLowerCase();
  const t = words.toLowerCase();
  if (c === "missing_permissions" || /missing\s+(the\s+)?(permission|scope)/.test(t))
    return "missing_permission";
  if (c === "needs_authorization" || /neither authorization header nor xi-api-key|no api key/.test(t))
    return "no_auth";
  if (
    /quota|exceeds your|character limit|credit limit|credits? (are |is )?(exhausted|used up)|limit (reached|exceeded)/.test(
      `${c} ${t}`,
    )
  )
    return "quota";
  if (c.includes("ip") && /not_allowed|allowlist|forbidden/.test(c)) return "ip_not_allowed";
  if (
    /\bip\b|ip address|allowlist|allow list|whitelist/.test(t) &&
    /not allowed|not permitted|denied|refused|blocked|outside/.test(t)
  )
    return "ip_not_allowed";
  if (/origin/.test(`${c} ${t}`) && /not allowed|not permitted|denied|cors/.test(`${c} ${t}`))
    return "origin_not_allowed";
  if (/transient/.test(t) && /not allowed|not permitted|denied/.test(t)) return "transient_not_allowed";
  if (/assistant/.test(t) && /not allowed|not permitted|denied/.test(t)) return "assistant_not_allowed";
  if (/expired/.test(`${c} ${t}`)) return "expired";
  if (
    c === "invalid_api_key" ||
    /invalid api key|invalid_api_key|api key (is )?(not found|deleted|disabled|deactivated|inactive|revoked|invalid)|key (is )?(disabled|deactivated|inactive)/.test(
      t,
    )
  )
    return "invalid_key";
  if (
    c.includes("rate_limit") ||
    c.includes("too_many") ||
    /too many (concurrent )?requests|rate limit/.test(t)
  )
    return "rate_limited";
  if (status === 401) return "invalid_key";
  if (status === 402) return "quota";
  if (status === 403 && /not allowed|forbidden/.test(t)) return "ip_not_allowed";
  if (status === 429) return "rate_limited";
  return code || status ? "other" : null;
}

export function parsePasted(pasted: string | null | undefined): PastedSignals {
  const text = (pasted ?? "").slice(0, READ_MAX).trim();
  if (text === "") return EMPTY;
  const json = fromJson(jsonIn(text));
  const code = json.code ?? CODE_IN_TEXT.exec(text)?.[1] ?? null;
  const status = json.status ?? statusIn(text);
  const words = json.message ? `${json.message} ${text}` : text;
  const kind = kindOf(code, words, status);
  const permission = PERMISSION_IN_TEXT.exec(words)?.[1]?.toLowerCase() ?? null;
  return {
    status,
    code: code ? code.toLowerCase() : null,
    kind,
    permission: kind === "missing_permission" ? permission : null,
    ip: kind === "ip_not_allowed" ? ipIn(words) : null,
    origin: kind === "origin_not_allowed" ? (ORIGIN_IN_TEXT.exec(words)?.[1]?.toLowerCase() ?? null) : null,
    assistant: kind === "assistant_not_allowed" ? (ASSISTANT_IN_TEXT.exec(words)?.[1] ?? null) : null,
  };
}

/** The signals in words, for the panel ("401 invalid_api_key: the key was refused"). */
export function describeSignals(s: PastedSignals): string | null {
  if (!s.kind && s.status === null) return null;
  const head = [s.status, s.code].filter((v) => v !== null).join(" ");
  const meaning: Record<SignalKind, string> = {
    no_auth: "the call carried no key",
    invalid_key: "the key was refused as unknown, deleted or disabled",
    missing_permission: `the key lacks a permission${s.permission ? ` (${s.permission})` : ""}`,
    ip_not_allowed: `the caller's address${s.ip ? ` (${s.ip})` : ""} is not on the key's allowlist`,
    quota: "the key or account has no characters left",
    expired: "the key has expired",
    origin_not_allowed: `the caller's origin${s.origin ? ` (${s.origin})` : ""} is not allowed`,
    assistant_not_allowed: `the key may not use that assistant${s.assistant ? ` (${s.assistant})` : ""}`,
    transient_not_allowed: "the key may not start calls with an inline (transient) assistant",
    rate_limited: "too many requests at once (not a problem with the key)",
    other: "an error the doctor does not recognise",
  };
  const said = s.kind ? meaning[s.kind] : "an HTTP status alone";
  return head ? `${head}: ${said}` : said;
}
