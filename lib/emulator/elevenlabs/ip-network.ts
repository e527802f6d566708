// IP addresses and networks as ElevenLabs reads `allowed_ips`: ElevenLabs is a Python service, and
// the contract (API.md §8) normalises each entry like `str(ipaddress.ip_network(entry, strict=False))`.
// This is the emulator's own reading of CPython's `ipaddress` (3.13), rule for rule, so that the
// emulator never shares a parser, or a parser's bug, with the Keydesk code it tests. DECISIONS.md
// says where Python versions differ and which one the emulator follows.

export interface IpAddress {
  version: 4 | 6;
  /** The address as a 32- or 128-bit number. */
  value: bigint;
  /** An IPv6 zone (`fe80::1%eth0`); Python keeps it as text and ignores it when comparing. */
  scopeId: string | null;
}

/** A network: `value` is its first address (host bits masked). */
export interface IpNetwork extends IpAddress {
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;
const ASCII_DIGITS = /^[0-9]+$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;
// Python 3.11+ refuses int() of a string of more than 4300 digits, and a prefix goes through int().
const MAX_INT_DIGITS = 4300;

function allOnes(bits: number): bigint {
  return (1n << BigInt(bits)) - 1n;
}

function maskOf(version: 4 | 6, prefix: number): bigint {
  const bits = BITS[version];
  return allOnes(bits) ^ allOnes(bits - prefix);
}

/** `_BaseV4._ip_int_from_string`: exactly four decimal octets, no leading zeros, none over 255. */
function parseIpv4(text: string): bigint | null {
  const octets = text.split(".");
  if (octets.length !== 4) return null;
  let value = 0n;
  for (const octet of octets) {
    if (!ASCII_DIGITS.test(octet) || octet.length > 3) return null;
    if (octet !== "0" && octet.startsWith("0")) return null;
    const n = Number(octet);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** `_BaseV6._ip_int_from_string`: hextets, at most one "::", an optional IPv4 tail. */
function parseIpv6(text: string): bigint | null {
  if (text === "") return null;
  const parts = text.split(":");
  if (parts.length < 3) return null;
  // An IPv4 tail stands for the last two hextets.
  if (parts.at(-1)!.includes(".")) {
    const v4 = parseIpv4(parts.pop()!);
    if (v4 === null) return null;
    parts.push((v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16));
  }
  if (parts.length > 9) return null;

  // An empty part other than the first or last is the "::" (only one is allowed).
  let skipIndex: number | null = null;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] !== "") continue;
    if (skipIndex !== null) return null;
    skipIndex = i;
  }

  let partsHi: number;
  let partsLo: number;
  let skipped: number;
  if (skipIndex !== null) {
    partsHi = skipIndex;
    partsLo = parts.length - skipIndex - 1;
    // A leading or trailing empty part is only allowed as half of the "::".
    if (parts[0] === "" && --partsHi !== 0) return null;
    if (parts.at(-1) === "" && --partsLo !== 0) return null;
    skipped = 8 - (partsHi + partsLo);
    if (skipped < 1) return null;
  } else {
    if (parts.length !== 8) return null;
    partsHi = 8;
    partsLo = 0;
    skipped = 0;
  }

  let value = 0n;
  const take = (hextet: string): boolean => {
    if (!HEXTET.test(hextet)) return false;
    value = (value << 16n) | BigInt(parseInt(hextet, 16));
    return true;
  };
  for (let i = 0; i < partsHi; i++) if (!take(parts[i]!)) return null;
  value <<= 16n * BigInt(skipped);
  for (let i = parts.length - partsLo; i < parts.length; i++) if (!take(parts[i]!)) return null;
  return value;
}

/** `IPv6Address`'s scope split: everything after the first "%", not empty and without another "%". */
function splitScopeId(text: string): { address: string; scopeId: string | null } | null {
  const at = text.indexOf("%");
  if (at === -1) return { address: text, scopeId: null };
  const scopeId = text.slice(at + 1);
  if (scopeId === "" || scopeId.includes("%")) return null;
  return { address: text.slice(0, at), scopeId };
}

function parseIpv6WithScope(text: string): IpAddress | null {
  const split = splitScopeId(text);
  if (!split) return null;
  const value = parseIpv6(split.address);
  return value === null ? null : { version: 6, value, scopeId: split.scopeId };
}

/** `ipaddress.ip_address(text)`: IPv4 first, then IPv6. No prefix. */
export function parseIpAddress(text: string): IpAddress | null {
  if (text.includes("/")) return null;
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4, scopeId: null };
  return parseIpv6WithScope(text);
}

/** `_prefix_from_prefix_string`: ASCII digits only (leading zeros are fine), within the version's bits. */
function prefixFromDigits(text: string, bits: number): number | null {
  if (!ASCII_DIGITS.test(text) || text.length > MAX_INT_DIGITS) return null;
  const prefix = Number(text.replace(/^0+(?=.)/, "").slice(0, 4));
  return prefix <= bits ? prefix : null;
}

/** `_prefix_from_ip_int`: the prefix length of a netmask (ones then zeros), or null. */
function prefixFromNetmask(mask: bigint, bits: number): number | null {
  let trailingZeros = 0;
  while (trailingZeros < bits && ((mask >> BigInt(trailingZeros)) & 1n) === 0n) trailingZeros++;
  const prefix = bits - trailingZeros;
  return mask >> BigInt(trailingZeros) === allOnes(prefix) ? prefix : null;
}

/** IPv4 alone may give a netmask (255.255.255.0) or a hostmask (0.0.0.255) as its prefix, in that order. */
function ipv4PrefixFromMask(text: string): number | null {
  const mask = parseIpv4(text);
  if (mask === null) return null;
  return prefixFromNetmask(mask, 32) ?? prefixFromNetmask(mask ^ allOnes(32), 32);
}

function network(address: IpAddress, prefix: number): IpNetwork {
  const value = address.value & maskOf(address.version, prefix);
  // Python rebuilds the network address from a number when host bits were masked, losing the scope.
  const scopeId = value === address.value ? address.scopeId : null;
  return { version: address.version, value, scopeId, prefix };
}

/** `ipaddress.ip_network(text, strict=False)`: IPv4 first, then IPv6; null where Python raises. */
export function parseIpNetwork(text: string): IpNetwork | null {
  const pieces = text.split("/");
  if (pieces.length > 2) return null;
  const [addressText, prefixText] = pieces as [string, string | undefined];

  const v4 = parseIpv4(addressText);
  if (v4 !== null) {
    const prefix =
      prefixText === undefined ? 32 : (prefixFromDigits(prefixText, 32) ?? ipv4PrefixFromMask(prefixText));
    if (prefix !== null) return network({ version: 4, value: v4, scopeId: null }, prefix);
  }

  const v6 = parseIpv6WithScope(addressText);
  if (v6 === null) return null;
  const prefix = prefixText === undefined ? 128 : prefixFromDigits(prefixText, 128);
  return prefix === null ? null : network(v6, prefix);
}

/** In ::ffff:0:0/96, the IPv4-mapped addresses (RFC 4291 §2.5.5.2). */
function isIpv4Mapped(value: bigint): boolean {
  return value >> 32n === 0xffffn;
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join(".");
}

/** RFC 5952 as `_compress_hextets` does it: the longest run of 2+ zero hextets, the first on a tie. */
function formatHextets(value: bigint): string {
  const hextets = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && hextets[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = hextets.map((h) => h.toString(16));
  if (bestLength < 2) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/** `str(ip_address)`. Python 3.13+ prints an IPv4-mapped address with its IPv4 tail (::ffff:1.2.3.4). */
export function formatIpAddress(address: IpAddress): string {
  if (address.version === 4) return formatIpv4(address.value);
  const text = isIpv4Mapped(address.value)
    ? `::ffff:${formatIpv4(address.value & 0xffffffffn)}`
    : formatHextets(address.value);
  return address.scopeId === null ? text : `${text}%${address.scopeId}`;
}

/** `str(ip_network)`. */
export function formatIpNetwork(net: IpNetwork): string {
  return `${formatIpAddress(net)}/${net.prefix}`;
}

/** The string ElevenLabs saves and lists for an `allowed_ips` entry, or null when Python refuses it. */
export function normaliseIpNetwork(text: string): string | null {
  const net = parseIpNetwork(text);
  return net === null ? null : formatIpNetwork(net);
}

/** Python's `address in network`: never across versions; scope ids play no part. */
export function addressInNetwork(address: IpAddress, net: IpNetwork): boolean {
  if (address.version !== net.version) return false;
  return (address.value & maskOf(net.version, net.prefix)) === net.value;
}

/**
 * The auth ladder's step 3: may a client at `clientIp` use a key with this allowlist (null: anyone)?
 * An IPv4-mapped client (::ffff:a.b.c.d) is the IPv4 client it carries: that is how a dual-stack
 * socket reports an IPv4 peer, which ElevenLabs would see as IPv4 (DECISIONS.md).
 */
export function allowlistAdmits(allowlist: readonly string[] | null, clientIp: string): boolean {
  if (allowlist === null) return true;
  const parsed = parseIpAddress(clientIp);
  if (parsed === null) return false;
  const client: IpAddress =
    parsed.version === 6 && isIpv4Mapped(parsed.value)
      ? { version: 4, value: parsed.value & 0xffffffffn, scopeId: null }
      : parsed;
  return allowlist.some((entry) => {
    const net = parseIpNetwork(entry);
    return net !== null && addressInNetwork(client, net);
  });
}
