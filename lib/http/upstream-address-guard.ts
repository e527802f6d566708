// The server's side of where an upstream may be (upstream-address.ts classes the addresses): the
// policy from the settings, a base URL checked against what its name resolves to (when a
// connection is added or tested, before anything is sent), and the DNS lookup the upstream
// sockets connect through, which refuses again at connect time: a name that resolved to a public
// address when it was saved may resolve to 127.0.0.1 later (DNS rebinding).
import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { env, isDemoMode, type Env } from "@/lib/env";
import {
  addressRefusal,
  classifyAddress,
  refusalMessage,
  urlRefusal,
  type UpstreamPolicy,
} from "./upstream-address";

/**
 * KEYDESK_ALLOW_PRIVATE_UPSTREAMS decides when set. Unset, demo mode allows loopback (its emulators
 * listen on 127.0.0.1) and nothing else private; real mode allows neither.
 */
export function upstreamPolicy(e: Env = env()): UpstreamPolicy {
  const allowed = e.KEYDESK_ALLOW_PRIVATE_UPSTREAMS;
  if (allowed !== undefined) return { loopback: allowed, private: allowed };
  return { loopback: isDemoMode(e), private: false };
}

/** All the addresses a name resolves to (the system resolver, as the sockets use it). */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

export const resolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * Why Keydesk may not send a credential to `baseUrl` (null: it may, as far as can be told now).
 * The URL's own address first, then every address its name resolves to: one refused address is
 * enough (a name that also resolves to 127.0.0.1 is not an upstream). A name that does not resolve
 * is left to the call itself, which then cannot connect.
 */
export async function upstreamUrlProblem(
  baseUrl: string,
  policy: UpstreamPolicy = upstreamPolicy(),
  resolve: ResolveAll = resolveAll,
): Promise<string | null> {
  const url = new URL(baseUrl);
  const refused = urlRefusal(url, policy);
  if (refused) return refusalMessage(url.hostname, refused);
  if (classifyAddress(url.hostname)) return null;
  const addresses = await resolve(url.hostname).catch(() => []);
  for (const { address } of addresses) {
    const refusal = addressRefusal(classifyAddress(address)!, policy, url.protocol === "http:");
    if (refusal) return refusalMessage(`${url.hostname} (${address})`, refusal);
  }
  return null;
}

/** A connection refused because of where it would go; the message names the host and the reason. */
export class UpstreamAddressRefused extends Error {
  override name = "UpstreamAddressRefused";
  readonly code = "EKEYDESK_UPSTREAM_REFUSED";
}

/** Whether `error` is, or was caused by, a refusal of the guarded lookup (fetch wraps it). */
export function addressRefusedIn(error: unknown): UpstreamAddressRefused | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "EKEYDESK_UPSTREAM_REFUSED") return e as UpstreamAddressRefused;
  }
  return null;
}

/** Name resolution as dns.lookup with `all: true` does it (tests give their own). */
export type SystemLookup = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemLookup: SystemLookup = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * A `lookup` for sockets (net.connect's option) that resolves as usual, then refuses the connection
 * when any address is refused under the policy of the moment. `plainHttp`: the socket is for an
 * http:// URL. (A URL with an address in it never comes here: sockets skip the lookup for an
 * address, so upstream-address-fetch.ts checks those before the call.)
 */
export function guardedLookup(
  policy: () => UpstreamPolicy,
  plainHttp: boolean,
  lookup: SystemLookup = systemLookup,
): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const now = policy();
      for (const { address } of addresses) {
        const verdict = classifyAddress(address);
        const refusal = verdict ? addressRefusal(verdict, now, plainHttp) : null;
        if (refusal)
          return callback(
            new UpstreamAddressRefused(
              `The connection's base URL was refused. ${refusalMessage(`${hostname} (${address})`, refusal)}`,
            ),
            "",
            4,
          );
      }
      if (addresses.length === 0)
        return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "", 4);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
