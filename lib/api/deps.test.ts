// What a route handler gets from lib/api/deps.ts: this process's one upstream, database and sign-in
// service, the same objects every other part of Keydesk uses. Runs in demo mode (the emulator
// stands in for ElevenLabs) over an embedded database in a folder of its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "keydesk-deps-"));
Object.assign(process.env, { KEYDESK_DATA_DIR: dataDir, ELEVENLABS_API_KEY: "" });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("a handler's dependencies", () => {
  // The first test opens the database and starts the demo emulator: a few seconds on a slow machine.
  it("keyDeps: the process's upstream and database, enough to read keys", { timeout: 120_000 }, async () => {
    const { keyDeps } = await import("./deps");
    const { getUpstream } = await import("@/lib/elevenlabs/upstream");
    const { getDatabase } = await import("@/lib/db");
    const { listServiceAccounts } = await import("@/lib/keys");
    const deps = await keyDeps({ id: "u_admin", role: "admin" });
    expect(deps.upstream).toBe(await getUpstream());
    expect(deps.db).toBe((await getDatabase()).db);
    expect((await listServiceAccounts(deps)).length).toBeGreaterThan(0);
  });

  it("authDeps: the sign-in service and the same database", { timeout: 120_000 }, async () => {
    const { authDeps } = await import("./deps");
    const { getAuth } = await import("@/lib/auth");
    const { getDatabase } = await import("@/lib/db");
    const deps = await authDeps();
    expect(deps.auth).toBe(await getAuth());
    expect(deps.db).toBe((await getDatabase()).db);
  });

  it("database: the same database", async () => {
    const { database } = await import("./deps");
    const { getDatabase } = await import("@/lib/db");
    expect(await database()).toBe((await getDatabase()).db);
  });
});
