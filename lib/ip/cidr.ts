// IP addresses and CIDR ranges, as ElevenLabs' `allowed_ips` takes them. ElevenLabs normalises an
// entry like Python's `ipaddress.ip_network(value, strict=False)`: a bare address becomes a single-host
// range (/32 or /128), host bits are masked off (`10.0.0.7/24` is `10.0.0.0/24`) and IPv6 is printed
// compressed in lower case (RFC 5952). ipaddr.js parses, masks and prints; the guards below refuse what
// ipaddr.js would accept but Python would not, so Keydesk never lets through an entry ElevenLabs refuses
// and never shows a different string than it saves. Keydesk is stricter than Python in a few places on
// purpose (see ENTRY_SHAPE). Runs on the server and in the browser (the allowlist editor).
import ipaddr from "ipaddr.js";

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
type IpNetwork = [address: IpAddress, prefix: number];

// Only ASCII hex digits, colons and dots, then an optional prefix in plain decimal without a leading
// zero. Checked before ipaddr.js sees the text, this refuses surrounding whitespace, zone ids
// (`fe80::1%eth0`: Python keeps them, but a zone means nothing to a remote server), hex IPv4 parts
// (`0xc0.1`), and, though Python accepts them, `/024` and netmask or hostmask prefixes (`/255.255.255.0`).
const ENTRY_SHAPE = /^([0-9A-Fa-f:.]+)(?:\/(0|[1-9][0-9]{0,2}))?$/;

// IPv4 only as four decimal parts without leading zeros, as Python reads it: `ipaddr.parse` also takes
// the inet_aton forms `127.1`, `0x7f.0.0.1`, `2130706433` and octal `010.0.0.1`.
function parseIpv4(text: string): ipaddr.IPv4 | null {
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

// An IPv6 address may end in an IPv4 one (`::ffff:1.2.3.4`). ipaddr.js reads that tail loosely (`01`,
// `0x1`) and turns `::1.2.3.4` into `::ffff:1.2.3.4`, where Python reads `::102:304`. So the tail is
// checked like any IPv4 address and rewritten as two hex groups before ipaddr.js parses the rest.
function parseIpv6(text: string): ipaddr.IPv6 | null {
  const tailStart = text.lastIndexOf(":") + 1;
  let hexOnly = text;
  if (text.includes(".", tailStart)) {
    const tail = parseIpv4(text.slice(tailStart));
    if (!tail) return null;
    const [a, b, c, d] = tail.octets as [number, number, number, number];
    hexOnly = `${text.slice(0, tailStart)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  if (hexOnly.includes(".")) return null; // an IPv4 part anywhere but last
  try {
    return ipaddr.IPv6.parse(hexOnly);
  } catch {
    return null;
  }
}

function parseAddressText(text: string): IpAddress | null {
  return text.includes(":") ? parseIpv6(text) : parseIpv4(text);
}

/** A bare IPv4 or IPv6 address (no prefix), or null when it is not one. */
export function parseIpAddress(text: string): IpAddress | null {
  const match = ENTRY_SHAPE.exec(text);
  if (!match || match[2] !== undefined) return null;
  return parseAddressText(match[1]!);
}

/** `addr` or `addr/prefix`; a bare address is a single-host range. Host bits are not masked here. */
function parseIpNetwork(text: string): IpNetwork | null {
  const match = ENTRY_SHAPE.exec(text);
  if (!match) return null;
  const address = parseAddressText(match[1]!);
  if (!address) return null;
  const maxPrefix = address.kind() === "ipv4" ? 32 : 128;
  const prefix = match[2] === undefined ? maxPrefix : Number(match[2]);
  return prefix <= maxPrefix ? [address, prefix] : null;
}

function networkAddress([address, prefix]: IpNetwork): IpAddress {
  const family = address.kind() === "ipv4" ? ipaddr.IPv4 : ipaddr.IPv6;
  const mask = family.subnetMaskFromPrefixLength(prefix).toByteArray();
  return ipaddr.fromByteArray(address.toByteArray().map((byte, i) => byte & mask[i]!));
}

// An IPv4-mapped IPv6 entry (`::ffff:1.2.3.4`) is refused: Python 3.9-3.12 print it in hex groups
// (`::ffff:102:304`) and 3.13 as a dotted tail (`::ffff:1.2.3.4`), so what ElevenLabs would list back
// depends on its Python, and no caller reaches an HTTP API from such an address anyway.
function isIpv4Mapped(address: IpAddress): boolean {
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress();
}

/** The form an allowlist entry is saved in, or null when it is not an IP address or range we take. */
export function normaliseAllowlistEntry(text: string): string | null {
  const network = parseIpNetwork(text);
  if (!network) return null;
  const address = networkAddress(network);
  if (isIpv4Mapped(address)) return null;
  // ipaddr.js prints IPv4 as a dotted quad and IPv6 as RFC 5952, as Python does.
  return `${address.toString()}/${network[1]}`;
}

/** Why an entry cannot be saved, in words for the person who typed it; null when it can. */
export function allowlistEntryProblem(text: string): string | null {
  if (normaliseAllowlistEntry(text) !== null) return null;
  const network = parseIpNetwork(text);
  if (network && isIpv4Mapped(networkAddress(network))) {
    return `"${text}" is an IPv4 address written as IPv6: write the IPv4 address or range itself`;
  }
  return `"${text}" is not an IPv4 or IPv6 address or CIDR range`;
}

/** Whether `ip` may use a key with this allowlist (`null` allows every address). */
export function isAllowedByAllowlist(allowlist: readonly string[] | null, ip: string): boolean {
  if (allowlist === null) return true;
  const parsed = parseIpAddress(ip);
  if (!parsed) return false;
  // An IPv4 client seen through an IPv6 socket arrives as `::ffff:a.b.c.d` and is matched as the IPv4
  // address it carries, so it never falls in an IPv6 entry (the behaviour before ipaddr.js).
  const mapped = parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress();
  const address = mapped ? parsed.toIPv4Address() : parsed;
  return allowlist.some((entry) => {
    const network = parseIpNetwork(entry);
    // ipaddr.js throws when asked to match an IPv4 address against an IPv6 range, or the reverse.
    return network !== null && network[0].kind() === address.kind() && address.match(network);
  });
}
