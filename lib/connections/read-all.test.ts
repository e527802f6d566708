// Reading every connection at once, against real emulators over HTTP: each connection has its own
// outcome (keys, or an error with the upstream's request id), a refused credential or a hanging
// upstream never holds back or breaks the others, the caller's exclusions and the user's
// connection limits are kept, and no outcome carries a credential.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDocspaceEmulator, type DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { user } from "@/lib/db/schema";
import { testDatabases } from "@/tests/support/audit-log";
import { setConnectionLimits } from "./access";
import type { ConnectionDeps } from "./list";
import { readAllConnections } from "./read-all";
import type { Connection, ConnectionActionContext } from "./types";

// Each read's time limit (read once by lib/env, before anything here reads it).
process.env.ELEVENLABS_TIMEOUT_MS = "300";

const GOOD = "read-all-admin-credential-4Tq8";
const WRONG = "read-all-wrong-credential-8Zr1";
const open = testDatabases();
const ctx = {
  actor: { id: "u_admin", email: "admin@example.com", name: "Admin", role: "admin" },
  info: { requestId: "req-1", ip: null, userAgent: null },
} as ConnectionActionContext;

let docspace: DocspaceEmulator;
let voiceable: VoiceableEmulator;
let hanging: VoiceableEmulator;
beforeAll(async () => {
  [docspace, voiceable, hanging] = await Promise.all([
    startDocspaceEmulator({ adminKeys: [GOOD], seed: "demo", control: true }),
    startVoiceableEmulator({ adminKeys: [GOOD], seed: "demo", control: true }),
    startVoiceableEmulator({ adminKeys: [GOOD], seed: "demo", control: true }),
  ]);
  const res = await fetch(`${hanging.url}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ method: "GET", path: "/api/v1/api_keys", count: 100, fault: { kind: "hang" } }),
  });
  expect(res.ok).toBe(true);
});
afterAll(() => Promise.all([docspace.close(), voiceable.close(), hanging.close()]));

function fixed(
  id: string,
  provider: Connection["provider"],
  baseUrl: string,
  credential: string,
): Connection {
  return {
    id,
    name: `Connection ${id}`,
    provider,
    baseUrl,
    source: "file",
    credentialHint: credential.slice(-4),
    createdAt: null,
    credential: async () => credential,
  };
}

// One database for the file: opening one (migrations) is the slow part on a busy machine.
let database: Promise<{ db: ConnectionDeps["db"] }> | undefined;

async function deps(): Promise<ConnectionDeps> {
  const { db } = await (database ??= open("pglite"));
  return {
    db,
    keys: () => {
      throw new Error("no stored connection here");
    },
    fixed: async () => [
      fixed("portal", "docspace", docspace.url, GOOD),
      fixed("voice-wrong", "voiceable", `${voiceable.url}/api/v1`, WRONG),
      fixed("voice-hangs", "voiceable", `${hanging.url}/api/v1`, GOOD),
      fixed("voice-good", "voiceable", `${voiceable.url}/api/v1`, GOOD),
    ],
    check: async () => ({ ok: true, summary: "" }),
  };
}

const admin = { id: "u_admin", role: "admin" as const };

describe("readAllConnections", { timeout: 60_000 }, () => {
  it("gives each connection its own outcome, in order, without one holding back the others", async () => {
    const reads = await readAllConnections(await deps(), admin);
    expect(reads.map((r) => [r.connection.id, r.ok])).toEqual([
      ["portal", true],
      ["voice-wrong", false],
      ["voice-hangs", false],
      ["voice-good", true],
    ]);
    const [portal, wrong, hangs, good] = reads;
    expect(portal!.ok && portal!.keys.length).toBeGreaterThan(0);
    expect(portal!.capabilities.label).toBe("DocSpace");
    expect(good!.ok && good!.keys.length).toBeGreaterThan(0);
    expect(!wrong!.ok && wrong!.error).toMatchObject({ upstreamRequestId: expect.any(String) });
    expect(!wrong!.ok && wrong!.error.message).toMatch(/credential|refused|401/i);
    expect(!hangs!.ok && hangs!.error.message).toMatch(/time|answer/i);
    // The upstream's own request id, as its log has it.
    const logged = voiceable.log.list().filter((r) => r.status === 401);
    expect(logged.map((r) => r.requestId)).toContain(!wrong!.ok && wrong!.error.upstreamRequestId);
  });

  it("carries no credential in any outcome", async () => {
    const text = JSON.stringify(await readAllConnections(await deps(), admin));
    expect(text).not.toContain(GOOD);
    expect(text).not.toContain(WRONG);
  });

  it("leaves out the connections asked to be left out, without reading them", async () => {
    voiceable.log.clear();
    const reads = await readAllConnections(await deps(), admin, {
      exclude: ["voice-wrong", "voice-hangs", "voice-good"],
    });
    expect(reads.map((r) => r.connection.id)).toEqual(["portal"]);
    expect(voiceable.log.list()).toEqual([]);
  });

  it("reads only the connections a limited user may use", async () => {
    const d = await deps();
    await d.db.insert(user).values({ id: "u_support", name: "S", email: "s@example.com", role: "support" });
    await setConnectionLimits(d.db, ctx, "u_support", ["portal"]);
    const reads = await readAllConnections(d, { id: "u_support", role: "support" });
    expect(reads.map((r) => r.connection.id)).toEqual(["portal"]);
    // An admin is never limited.
    expect(await readAllConnections(d, { id: "u_support", role: "admin" })).toHaveLength(4);
  });
});
