// What counts as an allowed origin: what a browser sends as `Origin`, `http(s)://host[:port]` and
// nothing more. The host is a DNS name, `localhost`, an IPv4 address or a bracketed IPv6 address;
// no path (not even `/`), query, fragment, user info or wildcard.
import { isIPv4, isIPv6 } from "node:net";

const ORIGIN = /^(https?):\/\/(\[[^\]]*\]|[^/:?#@[\]]+)(?::(\d{1,5}))?$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

function isDnsName(host: string): boolean {
  return host.length <= 253 && host.split(".").every((label) => LABEL.test(label));
}

export function isOrigin(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const match = ORIGIN.exec(value);
  if (!match) return false;
  const [, , host, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  if (host!.startsWith("[")) return isIPv6(host!.slice(1, -1));
  // Dotted digits are an address or nothing (999.1.1.1 is no host).
  if (/^[\d.]+$/.test(host!)) return isIPv4(host!);
  return isDnsName(host!);
}
