// Where an email channel's SMTP server may be: the same internal-address policy as webhooks and the
// connections' upstreams (lib/http/upstream-address*.ts). Never a metadata, link-local or other
// forbidden address; loopback and private networks only when KEYDESK_ALLOW_PRIVATE_UPSTREAMS allows
// them (unset: demo mode allows loopback, real mode neither). An SMTP password is a credential, and
// an SMTP conversation to an internal host is a probe of the inside either way.
//
// Checked twice: when a channel is saved (a 422 on `host`, before anything is stored or sent), and
// at every send (the name may resolve elsewhere by then: DNS rebinding). At send time the name is
// resolved once, every address is checked, and nodemailer is handed the checked address itself
// (with the name for TLS), so it cannot resolve again to somewhere else.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import {
  addressRefusal,
  classifyAddress,
  isLocalhostName,
  refusalMessage,
} from "@/lib/http/upstream-address";
import type { UpstreamPolicy } from "@/lib/http/upstream-address";
import { resolveAll, upstreamPolicy, type ResolveAll } from "@/lib/http/upstream-address-guard";

export interface SmtpHostCheck {
  policy?: UpstreamPolicy;
  resolve?: ResolveAll;
}

/** Where to connect: a checked address, and the name a TLS certificate must match (none for an address). */
export type SmtpTarget =
  | { ok: true; address: string; servername: string | undefined }
  | { ok: false; reason: "refused" | "not_found"; problem: string };

const LOOPBACK = { class: "loopback", what: "a loopback address (this machine)" } as const;

/** `[::1]` as an address (the form's host may be written either way). */
const bare = (host: string) => (host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host);

/** Where `host` leads, checked under the policy; the first refused address is the problem. */
export async function smtpTarget(
  host: string,
  { policy = upstreamPolicy(), resolve = resolveAll }: SmtpHostCheck = {},
): Promise<SmtpTarget> {
  const name = bare(host.trim());
  // An SMTP password is never sent in the clear (schema.ts), so "plain http" has no meaning here.
  const refused = (verdict: Parameters<typeof addressRefusal>[0], shown: string): SmtpTarget | null => {
    const refusal = addressRefusal(verdict, policy, false);
    return refusal
      ? {
          ok: false,
          reason: "refused",
          problem: refusalMessage(shown, refusal).replace("Must not", "The SMTP host must not"),
        }
      : null;
  };
  const literal = classifyAddress(name);
  if (literal) return refused(literal, name) ?? { ok: true, address: name, servername: undefined };
  if (isLocalhostName(name)) {
    const no = refused(LOOPBACK, name);
    if (no) return no;
  }
  const addresses = await resolve(name).catch(() => []);
  if (addresses.length === 0)
    return { ok: false, reason: "not_found", problem: `The SMTP host ${name} could not be found.` };
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    const no = verdict ? refused(verdict, `${name} (${address})`) : null;
    if (no) return no;
  }
  return { ok: true, address: addresses[0]!.address, servername: name };
}

/**
 * When a channel is saved: a 422 naming `host` if its SMTP server is where Keydesk may not go. A
 * name that does not resolve now is let through (the server may not be in DNS yet; every send checks again).
 */
export async function assertSmtpHostAllowed(host: string, check: SmtpHostCheck = {}): Promise<void> {
  const target = await smtpTarget(host, check);
  if (target.ok || target.reason === "not_found") return;
  throw new ApiError("validation_failed", `host: ${target.problem}`, {
    fields: [{ path: ["host"], message: target.problem }],
  });
}
