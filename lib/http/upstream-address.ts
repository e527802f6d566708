// Where an upstream may be: the addresses Keydesk may send a credential to. Pure and browser-safe
// (the add-connection form checks literal addresses with it too); resolving names and refusing at
// connect time are server-only (upstream-address-guard.ts, upstream-address-fetch.ts).
//
// Four classes:
// - `forbidden`: never, whatever the settings: link-local (cloud metadata services answer there) and
//   the metadata addresses outside it, unspecified, multicast, broadcast and reserved addresses;
// - `loopback`: this machine (127/8, ::1);
// - `private`: a private network, not the public internet (RFC 1918, CGNAT, unique-local IPv6,
//   documentation and benchmarking ranges);
// - `public`: everything else.
// IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are classed by it.

export type AddressClass = "forbidden" | "loopback" | "private" | "public";

export interface AddressVerdict {
  class: AddressClass;
  /** What the address is, for a message: "a link-local address". */
  what: string;
}

/** Which non-public upstreams this Keydesk may use (upstream-address-guard.ts reads the settings). */
export interface UpstreamPolicy {
  loopback: boolean;
  private: boolean;
}

export const STRICT_POLICY: UpstreamPolicy = { loopback: false, private: false };

type V4Range = [base: string, bits: number, verdict: AddressVerdict];

const METADATA: AddressVerdict = { class: "forbidden", what: "a cloud metadata address" };
const LINK_LOCAL: AddressVerdict = {
  class: "forbidden",
  what: "a link-local address (where cloud metadata services answer)",
};
const UNSPECIFIED: AddressVerdict = { class: "forbidden", what: "an unspecified address" };
const MULTICAST: AddressVerdict = { class: "forbidden", what: "a multicast address" };
const RESERVED: AddressVerdict = { class: "forbidden", what: "a reserved address" };
const LOOPBACK: AddressVerdict = { class: "loopback", what: "a loopback address (this machine)" };
const PRIVATE: AddressVerdict = { class: "private", what: "a private network address" };
const SHARED: AddressVerdict = { class: "private", what: "a carrier-grade NAT address (100.64.0.0/10)" };
const SPECIAL: AddressVerdict = { class: "private", what: "a special-purpose address (not on the internet)" };
const PUBLIC: AddressVerdict = { class: "public", what: "a public address" };

// First match wins: the metadata addresses come before the ranges that hold them.
const V4_RANGES: V4Range[] = [
  ["100.100.100.200", 32, METADATA], // Alibaba Cloud
  ["192.0.0.192", 32, METADATA], // Oracle Cloud
  ["168.63.129.16", 32, METADATA], // Azure's platform address (public, but the host's own)
  ["0.0.0.0", 8, UNSPECIFIED],
  ["169.254.0.0", 16, LINK_LOCAL],
  ["224.0.0.0", 4, MULTICAST],
  ["255.255.255.255", 32, { class: "forbidden", what: "the broadcast address" }],
  ["240.0.0.0", 4, RESERVED],
  ["127.0.0.0", 8, LOOPBACK],
  ["10.0.0.0", 8, PRIVATE],
  ["172.16.0.0", 12, PRIVATE],
  ["192.168.0.0", 16, PRIVATE],
  ["100.64.0.0", 10, SHARED],
  ["192.0.0.0", 24, SPECIAL],
  ["192.0.2.0", 24, SPECIAL],
  ["192.88.99.0", 24, SPECIAL],
  ["198.18.0.0", 15, SPECIAL],
  ["198.51.100.0", 24, SPECIAL],
  ["203.0.113.0", 24, SPECIAL],
];

/** A dotted quad as a number, or null. Only the canonical form: URLs are normalised first. */
function parseV4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

const v4InRange = (address: number, base: string, bits: number) =>
  bits === 0 || Math.floor(address / 2 ** (32 - bits)) === Math.floor(parseV4(base)! / 2 ** (32 - bits));

function classifyV4(address: number): AddressVerdict {
  return V4_RANGES.find(([base, bits]) => v4InRange(address, base, bits))?.[2] ?? PUBLIC;
}

/** Eight 16-bit groups, or null. Takes `::`, a trailing dotted quad and a zone (`%eth0`). */
function parseV6(text: string): number[] | null {
  const bare = text.replace(/%.*$/, "");
  if (!/^[0-9a-f:.]+$/i.test(bare)) return null;
  let tail: number[] = [];
  let head = bare;
  const quad = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (quad) {
    const v4 = parseV4(quad[1]!);
    if (v4 === null) return null;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    head = bare.slice(0, bare.length - quad[1]!.length);
    if (head.endsWith(":") && !head.endsWith("::")) head = head.slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const before = groups(halves[0]!);
  const after = groups(halves[1] ?? "");
  if ([...before, ...after].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const given = before.length + after.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const hex = (g: string) => parseInt(g, 16);
  return [...before.map(hex), ...Array(8 - given).fill(0), ...after.map(hex), ...tail];
}

const embeddedV4 = (high: number, low: number) => high * 65536 + low;

function classifyV6(g: number[]): AddressVerdict {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return UNSPECIFIED;
  if (zeros(0, 7) && g[7] === 1) return LOOPBACK;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, obsolete): the IPv4 address is what is reached.
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return classifyV4(embeddedV4(g[6]!, g[7]!));
  // NAT64 (64:ff9b::/96) reaches the IPv4 address it carries; the local-use prefix is private.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return classifyV4(embeddedV4(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return SPECIAL;
  // 6to4 (2002::/16) carries the IPv4 address of its relay in the next 32 bits.
  if (g[0] === 0x2002) return classifyV4(embeddedV4(g[1]!, g[2]!));
  // Teredo (2001::/32) tunnels to an IPv4 address it hides; no API lives there.
  if (g[0] === 0x2001 && g[1] === 0) return { class: "forbidden", what: "a Teredo tunnel address" };
  const is = (...prefix: number[]) => prefix.every((x, i) => g[i] === x);
  if (is(0xfd00, 0x0ec2) && zeros(2, 7) && g[7] === 0x254) return METADATA; // AWS (IPv6)
  if (is(0xfd20, 0x00ce) && zeros(2, 7) && g[7] === 0x254) return METADATA; // Google Cloud (IPv6)
  if ((g[0]! & 0xffc0) === 0xfe80) return LINK_LOCAL;
  if ((g[0]! & 0xff00) === 0xff00) return MULTICAST;
  if ((g[0]! & 0xfe00) === 0xfc00) return PRIVATE; // unique local
  if ((g[0]! & 0xffc0) === 0xfec0) return PRIVATE; // site-local (obsolete)
  if (is(0x2001, 0x0db8)) return SPECIAL; // documentation
  // Global unicast is 2000::/3; the rest is unassigned or special.
  return (g[0]! & 0xe000) === 0x2000 ? PUBLIC : SPECIAL;
}

/**
 * The class of an IP address (`127.0.0.1`, `::ffff:7f00:1`, a URL's `[::1]`), or null when `text`
 * is not one (a host name).
 */
export function classifyAddress(text: string): AddressVerdict | null {
  const inner = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const v4 = parseV4(inner);
  if (v4 !== null) return classifyV4(v4);
  if (!inner.includes(":")) return null;
  const v6 = parseV6(inner);
  return v6 ? classifyV6(v6) : null;
}

/** `localhost` and its subdomains (RFC 6761): loopback, whatever a resolver says. */
export function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

export type AddressRefusal = { kind: "forbidden" | "not_allowed" | "plain_http"; what: string };

/**
 * Why an upstream at this address may not be used under `policy` (null: it may). `plainHttp`: the
 * call would be http://, which is for this machine or a private network only, and only when they
 * are allowed: over the internet a credential in plain text can be read on the way.
 */
export function addressRefusal(
  verdict: AddressVerdict,
  policy: UpstreamPolicy,
  plainHttp: boolean,
): AddressRefusal | null {
  const allowed =
    verdict.class === "public" ||
    (verdict.class === "loopback" && policy.loopback) ||
    (verdict.class === "private" && policy.private);
  if (verdict.class === "forbidden") return { kind: "forbidden", what: verdict.what };
  if (!allowed) return { kind: "not_allowed", what: verdict.what };
  if (plainHttp && verdict.class === "public") return { kind: "plain_http", what: verdict.what };
  return null;
}

/** The sentence for a refusal, about `host` (as the URL writes it). */
export function refusalMessage(host: string, refusal: AddressRefusal): string {
  switch (refusal.kind) {
    case "forbidden":
      return `Must not point at ${host}: it is ${refusal.what}, where Keydesk never sends a credential.`;
    case "not_allowed":
      return `Must not point at ${host}: it is ${refusal.what}, and this Keydesk does not allow private upstreams (KEYDESK_ALLOW_PRIVATE_UPSTREAMS).`;
    case "plain_http":
      return "Must start with https://: over plain http the credential could be read on the way.";
  }
}

/**
 * Why a base URL may not be used under `policy`, from the URL alone (null: nothing against it yet).
 * An address written in the URL is classed here (WHATWG URL has already turned 2130706433 or 0x7f.1
 * into 127.0.0.1); a name is classed by what it resolves to, when it is resolved.
 */
export function urlRefusal(url: URL, policy: UpstreamPolicy): AddressRefusal | null {
  const plainHttp = url.protocol === "http:";
  const verdict = classifyAddress(url.hostname) ?? (isLocalhostName(url.hostname) ? LOOPBACK : null);
  if (verdict) return addressRefusal(verdict, policy, plainHttp);
  // Plain http to a name is only ever allowed towards a private network or this machine.
  if (plainHttp && !policy.loopback && !policy.private) return { kind: "plain_http", what: "a host name" };
  return null;
}
