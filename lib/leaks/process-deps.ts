// This process's wiring for the leak endpoints: the database, the upstreams as Find a key uses
// them, the environment's settings, and one cache of GitHub's public keys per process.
import "server-only";
import { env } from "@/lib/env";
import type { EndpointSpec } from "./endpoint";
import { githubKeys, type GithubKeys } from "./github-keys";
import type { LeakDeps } from "./handle-report";

const SLOT = Symbol.for("keydesk.github-keys");
type Slot = { [SLOT]?: { url: string; keys: GithubKeys } };

/** The process's cache of GitHub's keys (one per URL, so a test changing the URL gets its own). */
export function processGithubKeys(): GithubKeys {
  const slot = globalThis as Slot;
  const url = env().KEYDESK_GITHUB_KEYS_URL;
  if (slot[SLOT]?.url !== url) slot[SLOT] = { url, keys: githubKeys({ url }) };
  return slot[SLOT].keys;
}

/** What the route handlers pass in: `open` gives the database and the upstreams (lib/api/deps). */
export function leakDepsFrom(
  open: () => Promise<Omit<LeakDeps, "autoDisable">>,
  db: EndpointSpec["db"],
): Pick<EndpointSpec, "db" | "deps"> {
  return {
    db,
    deps: async () => ({ ...(await open()), autoDisable: env().KEYDESK_LEAK_AUTO_DISABLE === "on" }),
  };
}
