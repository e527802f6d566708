// Adding and testing connections against the real emulators over HTTP, with the product's own live
// check (lib/providers through lib/connections/check.ts) and a real PGlite database: a good
// credential is stored sealed, a wrong one is refused with the upstream's request id and nothing
// stored, an upstream that hangs is a timeout with a clear message.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDocspaceEmulator, type DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { addConnection, testConnection } from "@/lib/connections/actions";
import { checkWithProvider } from "@/lib/connections/check";
import { encryptionKey } from "@/lib/connections/crypto";
import type { ConnectionDeps } from "@/lib/connections/list";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { auditLog } from "@/lib/db/schema";
import { selectRows, testDatabases } from "@/tests/support/audit-log";

// The live check's time limit (read once by lib/env, before anything here reads it).
process.env.ELEVENLABS_TIMEOUT_MS = "600";

const GOOD = "integration-admin-credential-7fQ2";
const WRONG = "integration-wrong-credential-9xK1";
const open = testDatabases();
const ctx = {
  actor: { id: "u_admin", email: "admin@example.com", name: "Admin", role: "admin" },
  info: { requestId: "req-int", ip: "127.0.0.1", userAgent: "vitest" },
} as ConnectionActionContext;

let docspace: DocspaceEmulator;
let voiceable: VoiceableEmulator;
let eleven: Emulator;
beforeAll(async () => {
  docspace = await startDocspaceEmulator({ adminKeys: [GOOD], seed: "demo", control: true });
  voiceable = await startVoiceableEmulator({ adminKeys: [GOOD], seed: "demo", control: true });
  eleven = await startEmulator({ adminKeys: [GOOD], seed: "demo", control: true });
});
afterAll(() => Promise.all([docspace.close(), voiceable.close(), eleven.close()]));

async function deps(): Promise<ConnectionDeps> {
  const { db } = await open("pglite");
  const current = encryptionKey(randomBytes(32));
  return { db, keys: () => ({ current, all: [current] }), fixed: async () => [], check: checkWithProvider };
}

describe("connections against the emulators", () => {
  it("stores a connection whose credential works, for each provider, sealed in its column", async () => {
    const d = await deps();
    const targets = [
      { provider: "docspace" as const, baseUrl: docspace.url },
      { provider: "voiceable" as const, baseUrl: `${voiceable.url}/api/v1` },
      { provider: "elevenlabs" as const, baseUrl: eleven.url },
    ];
    for (const t of targets) {
      const added = await addConnection(d, ctx, { name: `My ${t.provider}`, credential: GOOD, ...t });
      expect(added.summary).toMatch(/\d+ keys?/);
      expect(added.connection.credentialHint).toBe("7fQ2");
      expect((await testConnection(d, ctx, added.connection.id)).summary).toBe(added.summary);
    }
    const raw = await selectRows<Record<string, unknown>>(d.db, sql`select * from connection`);
    expect(raw).toHaveLength(3);
    expect(JSON.stringify(raw)).not.toContain(GOOD);
    expect(JSON.stringify(raw)).not.toContain(GOOD.slice(0, 16));
  });

  it("refuses a wrong credential with the upstream's reason and request id, storing nothing", async () => {
    const d = await deps();
    docspace.log.clear();
    const error = (await addConnection(d, ctx, {
      name: "Portal",
      provider: "docspace",
      baseUrl: docspace.url,
      credential: WRONG,
    }).catch((e: unknown) => e)) as {
      status: number;
      message: string;
      extra: { upstreamRequestId?: string };
    };
    const [call] = docspace.log.list();
    expect(call).toMatchObject({ method: "GET", status: 401 });
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^credential: .*401/);
    expect(error.extra.upstreamRequestId).toBe(call!.requestId);
    expect(JSON.stringify([error.message, error.extra])).not.toContain(WRONG);
    expect(await selectRows(d.db, sql`select id from connection`)).toEqual([]);
    const audit = await d.db.select().from(auditLog);
    expect(audit.map((r) => [r.action, r.outcome, r.upstreamRequestId])).toEqual([
      ["connection_created", "error", call!.requestId],
    ]);
    expect(JSON.stringify(audit)).not.toContain(WRONG);
  });

  it("gives up on an upstream that hangs, within the time limit, with a clear message and nothing stored", async () => {
    const d = await deps();
    docspace.faults.add({ method: "GET", path: "/api/2.0/keys", remaining: 1, fault: { kind: "hang" } });
    const started = Date.now();
    const error = (await addConnection(d, ctx, {
      name: "Slow portal",
      provider: "docspace",
      baseUrl: docspace.url,
      credential: GOOD,
    }).catch((e: unknown) => e)) as { status: number; code: string; message: string };
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(error.message).toMatch(/did not answer within the time limit/);
    expect(await selectRows(d.db, sql`select id from connection`)).toEqual([]);
    docspace.faults.clear();
  });
});
