// Reads the whole inventory (every service account with its keys: one upstream call) for a page's
// first render, through the same path as the JSON API (rotations, origins, the outside-change
// check), turning an upstream failure into something the page can show.
import "server-only";
import type { ServiceAccount } from "@/lib/elevenlabs/types";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/elevenlabs/errors";
import { getUpstream } from "@/lib/elevenlabs/upstream";
import { getDatabase } from "@/lib/db";
import { listServiceAccounts } from "@/lib/keys";

/** What a page may show of an upstream failure (never the raw upstream body). */
export interface UpstreamErrorView {
  kind: UpstreamErrorKind;
  message: string;
  requestId?: string;
}

export type LoadResult =
  { ok: true; serviceAccounts: ServiceAccount[] } | { ok: false; error: UpstreamErrorView };

export async function loadServiceAccounts(): Promise<LoadResult> {
  try {
    const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
    return { ok: true, serviceAccounts: await listServiceAccounts({ upstream, db }) };
  } catch (error) {
    if (!UpstreamError.is(error)) throw error;
    return { ok: false, error: { kind: error.kind, message: error.message, requestId: error.requestId } };
  }
}
