// The primary connection's read, for the watch. The primary ElevenLabs workspace (env-elevenlabs,
// or demo mode's demo-elevenlabs) keeps its own snapshot, which only lib/keys' whole-workspace read
// compares with (lib/observed/DECISIONS.md); readAllConnections reads it but observes nothing, so
// that its changes are not reported twice. The watch therefore reads it the way the inventory does
// (observeServiceAccounts: one upstream read, compared with the primary's snapshot, so a key made
// outside Keydesk becomes an audit row signed by the run) and hands the keys on in the shape of
// every other connection's read (for the usage samples and the summary).
//
// Before this, the watch never noticed an outside change to the primary workspace: the defect the
// e2e jobs spec found (issue 14; lib/jobs/DECISIONS.md).
import "server-only";
import { readError, type ConnectionRead } from "@/lib/connections/read-all";
import type { Connection } from "@/lib/connections/types";
import { connectionView } from "@/lib/connections/view";
import type { Db } from "@/lib/db";
import { createUpstream } from "@/lib/elevenlabs/client";
import { env } from "@/lib/env";
import { observeServiceAccounts } from "@/lib/keys/list";
import { getProvider } from "@/lib/providers";
import { toProviderKey } from "@/lib/providers/elevenlabs/client";

/** Reads and observes the primary connection `primary`; never throws (a failure is its outcome). */
export async function readPrimaryConnection(db: Db, primary: Connection): Promise<ConnectionRead> {
  const capabilities = getProvider(primary.provider).capabilities;
  try {
    const upstream = createUpstream({
      baseUrl: primary.baseUrl,
      apiKey: await primary.credential(),
      timeoutMs: env().ELEVENLABS_TIMEOUT_MS,
    });
    // A read of its own (never one joined from a page's), observed against the primary's snapshot.
    const { accounts, origins } = await observeServiceAccounts({ upstream, db }, { startNew: true });
    return {
      connection: connectionView(primary),
      capabilities,
      ok: true,
      keys: accounts.flatMap((a) => a.keys.map((key) => toProviderKey(key, a.name))),
      readAt: new Date().toISOString(),
      origins,
    };
  } catch (error) {
    return { connection: connectionView(primary), capabilities, ok: false, error: readError(error) };
  }
}
