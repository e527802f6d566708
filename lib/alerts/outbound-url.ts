// Where a webhook or Slack channel may send: an http(s) URL with a host, no user:password in it.
// Browser-safe (the form checks the same). Where the URL's name leads is checked when a delivery
// connects (send.ts: the guarded fetch refuses internal addresses as for connections' upstreams);
// redirects are never followed.
export function outboundUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL, starting with https://.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "The URL must start with https:// or http://.";
  if (!url.hostname) return "The URL needs a host.";
  if (url.username || url.password) return "Leave the user name and password out of the URL.";
  return null;
}
