// GitHub's secret-scanning public keys, read from KEYDESK_GITHUB_KEYS_URL
// ({ public_keys: [{ key_identifier, key, is_current }] }) and kept. A message naming a key id not
// in the cache makes one read of the URL (GitHub rotates keys: the new one appears there first), but
// never more often than once per `minRefetchMs`, so a flood of made-up ids cannot make Keydesk
// hammer the URL; concurrent misses share one read. Every key listed is accepted, current or not:
// a message signed just before a rotation still verifies.
import "server-only";
import type { KeyObject } from "node:crypto";
import { z } from "zod";
import { readP256Key } from "./github-signature";

const answerSchema = z.object({
  public_keys: z
    .array(z.object({ key_identifier: z.string().min(1).max(200), key: z.string().min(1).max(10_000) }))
    .max(100),
});

/** The keys answer is small; anything larger is not GitHub's. */
const MAX_ANSWER_BYTES = 256 * 1024;

/** The keys URL could not be read, and the key asked for is not in the cache. */
export class GithubKeysUnavailable extends Error {
  override name = "GithubKeysUnavailable";
  constructor() {
    super("GitHub's secret-scanning public keys could not be read.");
  }
}

export interface GithubKeysOptions {
  url: string;
  /** The least time between two reads of the URL. */
  minRefetchMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface GithubKeys {
  /** The key `id` names, read from the URL when not known yet (within the refetch limit); null: no such key. */
  get(id: string): Promise<KeyObject | null>;
}

async function readKeys(options: Required<GithubKeysOptions>): Promise<Map<string, KeyObject>> {
  const res = await options.fetch(options.url, {
    headers: { accept: "application/json" },
    redirect: "error",
    signal: AbortSignal.timeout(options.timeoutMs),
  });
  if (!res.ok) throw new Error(`the keys URL answered ${res.status}`);
  const text = await res.text();
  if (text.length > MAX_ANSWER_BYTES) throw new Error("the keys URL's answer is too large");
  const parsed = answerSchema.parse(JSON.parse(text));
  const keys = new Map<string, KeyObject>();
  for (const entry of parsed.public_keys) {
    const key = readP256Key(entry.key);
    if (key) keys.set(entry.key_identifier, key);
  }
  return keys;
}

export function githubKeys(options: GithubKeysOptions): GithubKeys {
  const full: Required<GithubKeysOptions> = {
    minRefetchMs: 60_000,
    timeoutMs: 5_000,
    fetch: globalThis.fetch,
    now: Date.now,
    ...options,
  };
  let keys = new Map<string, KeyObject>();
  let lastReadAt: number | null = null;
  let reading: Promise<void> | null = null;

  const refresh = () => {
    reading ??= (async () => {
      lastReadAt = full.now();
      try {
        keys = await readKeys(full);
      } finally {
        reading = null;
      }
    })();
    return reading;
  };

  return {
    async get(id) {
      const known = keys.get(id);
      if (known) return known;
      let failed: unknown = null;
      const due = lastReadAt === null || full.now() - lastReadAt >= full.minRefetchMs;
      if (reading || due)
        await (reading ?? refresh()).catch((error: unknown) => {
          failed = error;
        });
      const found = keys.get(id);
      if (found) return found;
      // A failed read leaves the cache as it was; the message is answered 503 so that GitHub sends it
      // again later, rather than refused as if its key were unknown.
      if (failed) throw new GithubKeysUnavailable();
      return null;
    },
  };
}
