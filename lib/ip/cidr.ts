// IP addresses and CIDR ranges, as ElevenLabs' `allowed_ips` takes them: a bare address becomes a
// single-host range (/32 or /128) and host bits are masked off (`10.0.0.7/24` is `10.0.0.0/24`),
// like Python's `ipaddress.ip_network(value, strict=False)`. Used by the emulator to validate and by
// the UI to show each entry as it will be saved.

export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

export interface IpNetwork extends IpAddress {
  prefix: number;
}

const IPV4_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!IPV4_OCTET.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

function parseHextets(text: string): number[] | null {
  if (text === "") return [];
  const groups = text.split(":");
  const out: number[] = [];
  for (const [i, group] of groups.entries()) {
    // An embedded IPv4 address may only stand last (`::ffff:1.2.3.4`).
    if (i === groups.length - 1 && group.includes(".")) {
      const v4 = parseIpv4(group);
      if (!v4) return null;
      out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      continue;
    }
    if (!HEXTET.test(group)) return null;
    out.push(parseInt(group, 16));
  }
  return out;
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  let hextets: number[];
  if (halves.length === 2) {
    const head = parseHextets(halves[0]!);
    const tail = parseHextets(halves[1]!);
    if (!head || !tail || head.length + tail.length > 7) return null;
    hextets = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseHextets(text);
    if (!all || all.length !== 8) return null;
    hextets = all;
  }
  const bytes = new Uint8Array(16);
  hextets.forEach((h, i) => {
    bytes[i * 2] = h >> 8;
    bytes[i * 2 + 1] = h & 0xff;
  });
  return bytes;
}

export function parseIpAddress(text: string): IpAddress | null {
  if (text.includes(":")) {
    const bytes = parseIpv6(text);
    return bytes ? { version: 6, bytes } : null;
  }
  const bytes = parseIpv4(text);
  return bytes ? { version: 4, bytes } : null;
}

/** Parses `addr` or `addr/prefix` and masks the host bits. Returns null when it is not valid. */
export function parseIpNetwork(text: string): IpNetwork | null {
  const slash = text.indexOf("/");
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const address = parseIpAddress(addressText);
  if (!address) return null;
  const maxPrefix = address.version === 4 ? 32 : 128;
  let prefix = maxPrefix;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > maxPrefix) return null;
  }
  return { ...address, bytes: maskBytes(address.bytes, prefix), prefix };
}

function maskBytes(bytes: Uint8Array, prefix: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = bitsHere === 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
    out[i] = bytes[i]! & mask;
  }
  return out;
}

/** Canonical text of an address: dotted quad, or RFC 5952 compressed IPv6 (as Python prints it). */
export function formatIpAddress(address: IpAddress): string {
  const b = address.bytes;
  if (address.version === 4) return Array.from(b).join(".");
  const hextets: number[] = [];
  for (let i = 0; i < 16; i += 2) hextets.push((b[i]! << 8) | b[i + 1]!);
  // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (hextets[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && hextets[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = hextets.map((h) => h.toString(16));
  if (bestStart === -1) return hex.join(":");
  const head = hex.slice(0, bestStart).join(":");
  const tail = hex.slice(bestStart + bestLength).join(":");
  return `${head}::${tail}`;
}

export function formatIpNetwork(network: IpNetwork): string {
  return `${formatIpAddress(network)}/${network.prefix}`;
}

/** The form an allowlist entry is saved in, or null when the entry is not an IP address or range. */
export function normaliseAllowlistEntry(text: string): string | null {
  const network = parseIpNetwork(text);
  return network ? formatIpNetwork(network) : null;
}

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) as the IPv4 address it carries. */
function unmapIpv4(address: IpAddress): IpAddress {
  const b = address.bytes;
  if (address.version !== 6) return address;
  const mapped = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  return mapped ? { version: 4, bytes: b.slice(12) } : address;
}

export function networkContains(network: IpNetwork, address: IpAddress): boolean {
  const candidate = unmapIpv4(address);
  if (candidate.version !== network.version) return false;
  const masked = maskBytes(candidate.bytes, network.prefix);
  return masked.every((byte, i) => byte === network.bytes[i]);
}

/** Whether `ip` may use a key with this allowlist (`null` allows every address). */
export function isAllowedByAllowlist(allowlist: readonly string[] | null, ip: string): boolean {
  if (allowlist === null) return true;
  const address = parseIpAddress(ip);
  if (!address) return false;
  return allowlist.some((entry) => {
    const network = parseIpNetwork(entry);
    return network !== null && networkContains(network, address);
  });
}
