// What the jobs of this process write the primary workspace's keys with: the same upstream and
// database as lib/api's keyDeps, without its per-user access check (a job has no user).
import "server-only";
import { getDatabase } from "@/lib/db";
import { getUpstream } from "@/lib/elevenlabs/upstream";
import type { KeyDeps } from "@/lib/keys";

export async function processKeyDeps(): Promise<KeyDeps> {
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  return { upstream, db };
}
