// The fetch every upstream call goes through (lib/providers/http.ts for DocSpace and Voiceable,
// lib/elevenlabs/fetch.ts for the ElevenLabs SDK): Node's own fetch, but
// - never following a redirect (the credential goes to the configured host and nowhere else: a 30x
//   to an internal host is an error, not a second request);
// - refusing an address the policy does not allow, written in the URL (checked here: sockets do no
//   lookup for an address) or resolved from its name (checked by the sockets' lookup, at connect
//   time, so a name that changes what it resolves to cannot slip through).
//
// The sockets come from an undici Agent with our lookup. Node's fetch is undici, bundled, but Node
// does not export its Agent; the default dispatcher Node's fetch installs is one, so its class is
// taken from there (no second copy of undici, whose Agent might not fit Node's fetch). If it cannot
// be found, upstream calls fail rather than go out unguarded.
import "server-only";
import type { LookupFunction } from "node:net";
import { addressRefusal, classifyAddress, refusalMessage, type UpstreamPolicy } from "./upstream-address";
import {
  guardedLookup,
  upstreamPolicy,
  UpstreamAddressRefused,
  type SystemLookup,
} from "./upstream-address-guard";

type Dispatcher = object;
type AgentClass = new (options: { connect: { lookup: LookupFunction } }) => Dispatcher;

/** Where undici (every copy, Node's bundled one too) keeps the process's default dispatcher. */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

let agentClass: Promise<AgentClass> | undefined;

function nodeAgentClass(): Promise<AgentClass> {
  agentClass ??= (async () => {
    const slot = globalThis as unknown as Record<symbol, { constructor?: unknown } | undefined>;
    // Node loads its undici, which installs the default Agent, on the first fetch; a data: URL
    // touches no network. Node's own fetch, not Next.js's caching wrapper around it.
    const nodeFetch = (fetch as { _nextOriginalFetch?: typeof fetch })._nextOriginalFetch ?? fetch;
    if (!slot[GLOBAL_DISPATCHER]) await (await nodeFetch("data:,")).arrayBuffer();
    const found = slot[GLOBAL_DISPATCHER]?.constructor;
    if (typeof found !== "function" || found.name !== "Agent")
      throw new UpstreamAddressRefused(
        "Keydesk cannot guard its upstream connections here (Node's fetch has no undici Agent), so it makes none.",
      );
    return found as AgentClass;
  })();
  return agentClass;
}

export interface GuardedFetchOptions {
  /** The policy of the moment (the settings by default). */
  policy?: () => UpstreamPolicy;
  /** The name lookup under the guard (the system's by default; tests give their own). */
  lookup?: SystemLookup;
}

/** A fetch with its own two Agents (https and plain http) under `options`' policy and lookup. */
export function createGuardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const policy = options.policy ?? (() => upstreamPolicy());
  let agents: Promise<{ https: Dispatcher; http: Dispatcher }> | undefined;
  const agentsOnce = () =>
    (agents ??= nodeAgentClass().then((Agent) => ({
      https: new Agent({ connect: { lookup: guardedLookup(policy, false, options.lookup) } }),
      http: new Agent({ connect: { lookup: guardedLookup(policy, true, options.lookup) } }),
    })));

  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const verdict = classifyAddress(url.hostname);
    const refusal = verdict ? addressRefusal(verdict, policy(), url.protocol === "http:") : null;
    if (refusal)
      throw new TypeError("fetch failed", {
        cause: new UpstreamAddressRefused(
          `The connection's base URL was refused. ${refusalMessage(url.hostname, refusal)}`,
        ),
      });
    const { https, http } = await agentsOnce();
    const dispatcher = url.protocol === "http:" ? http : https;
    // `dispatcher` is undici's own option of Node's fetch (not in the DOM's RequestInit type).
    return fetch(input, { ...init, redirect: "error", dispatcher } as RequestInit);
  };
}

/** The guarded fetch under the settings (KEYDESK_ALLOW_PRIVATE_UPSTREAMS, demo mode). */
export const guardedFetch: typeof fetch = createGuardedFetch();
