// A connection's base URL: where Keydesk sends its calls, with the credential in a header. Only
// http(s), never credentials in the URL (they would reach logs and the page), never a query or a
// fragment (a base is a prefix: paths are appended to it), never an address no upstream can be
// (link-local, cloud metadata, unspecified, multicast). Browser-safe: the form checks the same.
// Loopback, private networks and plain http depend on the server's settings and on what a name
// resolves to: the server checks those (lib/http/upstream-address-guard.ts).
import { classifyAddress, refusalMessage } from "@/lib/http/upstream-address";

/** Why `text` cannot be a base URL, or null when it can. */
export function baseUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL such as https://api.example.com.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Must be an http:// or https:// URL.";
  if (url.username || url.password)
    return "Must not contain a user name or password; the credential has its own field.";
  if (text.includes("?")) return "Must not have a query (?…): give the base URL only.";
  if (text.includes("#")) return "Must not have a fragment (#…): give the base URL only.";
  const verdict = classifyAddress(url.hostname);
  if (verdict?.class === "forbidden")
    return refusalMessage(url.hostname, { kind: "forbidden", what: verdict.what });
  return null;
}

/** The URL as stored and compared: origin and path, no trailing slash. Call after baseUrlProblem. */
export function normaliseBaseUrl(text: string): string {
  const url = new URL(text);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
