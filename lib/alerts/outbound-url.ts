// Where a webhook or Slack channel may send: an http(s) URL with a host, no user:password in it.
// TODO(upstream-safety): also refuse internal addresses (loopback, private, link-local, metadata)
// with lib/http/upstream-address*.ts, as connection base URLs will; this is the one place to call it
// (the schema's check and the sender's check both come here). Until then an admin can point a
// channel at an internal address; redirects are never followed (senders use redirect: "manual").
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
