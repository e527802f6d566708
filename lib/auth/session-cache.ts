// Who a session cookie belongs to, remembered between requests, so that a signed-in request costs
// one read of the change counters (for the `auth` one; shared by requests arriving together) instead
// of better-auth's cookie signature check and its two reads (the session, then its user).
//
// Why a remembered answer is never stale: the database moves the `auth` change counter on every change
// to any user or session, whoever makes it (migration 0007, lib/db/change-counter.ts: triggers, so another Keydesk instance
// on the same PostgreSQL, or an operator with psql, count too). An answer is reused only while the
// generation read for this request equals the one read just BEFORE better-auth looked the session
// up; a change in between leaves the answer stamped with the older value, so it is not reused.
// What better-auth decides by the clock alone is checked here too: an expired session, and one
// due for its sliding refresh (extending it writes, so better-auth must do that), go to better-auth.
import "server-only";
import type { Db } from "@/lib/db/database";
import { changeCounters } from "@/lib/db/change-counter";
import type { Auth } from "./auth";

export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;

export interface SessionCacheOptions {
  db: Db;
  /** better-auth's own lookup (its signature check, expiry, refresh and reads). */
  lookup: (headers: Headers) => Promise<AuthSession | null>;
  /** The session cookie's name, as better-auth names it (a `__Secure-` prefix on https). */
  cookieName: string;
  /** better-auth's session.expiresIn and session.updateAge, in seconds. */
  expiresInSeconds: number;
  updateAgeSeconds: number;
  /** Signed-in sessions remembered at most (the least recently used goes first). */
  maxEntries?: number;
}

interface Entry {
  generation: number;
  session: AuthSession;
}

/**
 * The session cookie's raw value when the header carries exactly one cookie of that name; null
 * otherwise (none, or several: which one counts is better-auth's to decide, so it decides).
 */
export function sessionCookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  let found: string | null = null;
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    if (found !== null) return null;
    found = part.slice(at + 1).trim();
  }
  return found || null;
}

export function createSessionCache(options: SessionCacheOptions) {
  const maxEntries = options.maxEntries ?? 1000;
  const expiresInMs = options.expiresInSeconds * 1000;
  const updateAgeMs = options.updateAgeSeconds * 1000;
  const entries = new Map<string, Entry>();
  let lastGeneration: number | null = null;

  /** better-auth would answer this session from its rows alone, writing nothing. */
  function answerableWithoutBetterAuth(session: AuthSession, now: number): boolean {
    const expiresAt = new Date(session.session.expiresAt).getTime();
    const dueForRefresh = expiresAt - expiresInMs + updateAgeMs <= now;
    return expiresAt > now && !dueForRefresh;
  }

  function remember(key: string, entry: Entry): void {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  }

  return async function sessionFor(headers: Headers): Promise<AuthSession | null> {
    const key = sessionCookieValue(headers.get("cookie"), options.cookieName);
    if (key === null) return options.lookup(headers);
    // Read after this request arrived (shared only with requests asking at the same time).
    const generation = (await changeCounters(options.db)).auth;
    if (generation !== lastGeneration) {
      entries.clear(); // every remembered answer predates a change
      lastGeneration = generation;
    }
    const known = entries.get(key);
    if (known && known.generation === generation && answerableWithoutBetterAuth(known.session, Date.now())) {
      remember(key, known);
      return known.session;
    }
    const session = await options.lookup(headers);
    if (session) remember(key, { generation, session });
    else entries.delete(key);
    return session;
  };
}
