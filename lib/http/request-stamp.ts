// Where a request really came from, written on it before Next.js sees it, and read back by the
// handlers. Next.js's route handlers never see the socket, and `next start` keeps an
// X-Forwarded-For the client sent; so Keydesk's own hook on the HTTP server (install-request-stamp.ts)
// computes the client's address from the socket (and the forwarded chain, only through a trusted
// proxy) and stamps it in private headers. A client cannot forge the stamp: any copy it sends is
// removed first, and the stamp carries this process's random token, which no client knows. With
// no valid stamp (a handler called directly, as in a unit test) there is no address: never a
// client-sent header in its place.
import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

export const STAMP_HEADERS = {
  token: "x-keydesk-stamp",
  clientIp: "x-keydesk-client-ip",
  origin: "x-keydesk-origin",
} as const;

/** Headers a client may only send through a trusted proxy; from anyone else they are removed. */
const FORWARDED_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

const TOKEN_SLOT = Symbol.for("keydesk.requestStampToken");
type TokenSlot = { [TOKEN_SLOT]?: string };

/** This process's token, made when the hook is installed; absent means nothing stamps requests. */
function processToken(): string | undefined {
  return (globalThis as TokenSlot)[TOKEN_SLOT];
}

export function ensureProcessToken(): string {
  const slot = globalThis as TokenSlot;
  slot[TOKEN_SLOT] ??= randomBytes(32).toString("hex");
  return slot[TOKEN_SLOT];
}

export type Trust = (address: string, hop: number) => boolean;

/** Trust for a list of addresses and CIDR ranges (proxy-addr's own parser; an empty list trusts no one). */
export function compileTrust(proxies: readonly string[]): Trust {
  return proxyaddr.compile([...proxies]);
}

/** `::ffff:127.0.0.1` is 127.0.0.1: one spelling per client, for limits and the audit log. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address.toLowerCase();
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const first = text?.split(",")[0]?.trim();
  return first ? first : undefined;
}

/** The scheme and host the client addressed, e.g. `https://keydesk.example.com`, or null. */
function requestOrigin(req: IncomingMessage, trustedPeer: boolean): string | null {
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted);
  const forwardedProto = trustedPeer
    ? firstValue(req.headers["x-forwarded-proto"])?.toLowerCase()
    : undefined;
  const proto =
    forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : encrypted ? "https" : "http";
  const host = (trustedPeer ? firstValue(req.headers["x-forwarded-host"]) : undefined) ?? req.headers.host;
  // A host name or address and a port, nothing that could smuggle in a path or credentials.
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

function deleteHeaders(req: IncomingMessage, names: readonly string[]): void {
  for (const name of names) delete req.headers[name];
  const raw = req.rawHeaders;
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!names.includes(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  }
  req.rawHeaders = kept;
}

/**
 * Stamps a request with its client's address and origin. The client's address is the socket's,
 * or, when the socket's peer is a trusted proxy, the first untrusted address in X-Forwarded-For
 * (proxy-addr walks the chain). Forwarded headers from an untrusted peer are removed, so nothing
 * later (Next.js included) can take them for the truth.
 */
export function stampRequest(req: IncomingMessage, trust: Trust): void {
  deleteHeaders(req, Object.values(STAMP_HEADERS));
  const peer = req.socket.remoteAddress;
  const trustedPeer = peer !== undefined && trust(peer, 0);
  if (!trustedPeer) deleteHeaders(req, FORWARDED_HEADERS);
  const client = peer === undefined ? undefined : proxyaddr(req, trust);
  const origin = requestOrigin(req, trustedPeer);
  req.headers[STAMP_HEADERS.token] = ensureProcessToken();
  if (client) req.headers[STAMP_HEADERS.clientIp] = normaliseAddress(client);
  if (origin) req.headers[STAMP_HEADERS.origin] = origin;
}

export interface Stamp {
  clientIp: string | null;
  origin: string | null;
}

/** The stamp on a request's headers, or null when it has none this process made. */
export function readStamp(headers: Headers): Stamp | null {
  const expected = processToken();
  const given = headers.get(STAMP_HEADERS.token);
  if (!expected || !given || given.length !== expected.length) return null;
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
  return { clientIp: headers.get(STAMP_HEADERS.clientIp), origin: headers.get(STAMP_HEADERS.origin) };
}
