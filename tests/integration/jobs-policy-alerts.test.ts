// policy_broken alerts from the watch job (lib/jobs/watch/policy-alerts.ts): after each run the key
// policies are evaluated over what was read, and a key that newly breaks a rule is told about once,
// not again every run; a key that keeps the rule again and later breaks it is told again; a flood
// is cut to MAX_KEY_ALERTS keys and one summary. PGlite, the primary workspace on the emulator over
// real HTTP, the real engine.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onAlert, type AlertEvent } from "@/lib/alerts/events";
import type { ConnectionDeps } from "@/lib/connections/list";
import type { ConnectionRead } from "@/lib/connections/read-all";
import { ENVIRONMENT_CONNECTION_ID } from "@/lib/connection-ids";
import type { Database } from "@/lib/db/database";
import { keyPolicy, policyBreachAlerted } from "@/lib/db/schema";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { recentRuns, type JobRunView } from "@/lib/jobs/runs";
import { MAX_KEY_ALERTS, policyBrokenAlerts } from "@/lib/jobs/watch/policy-alerts";
import { watchJob, WATCH_JOB } from "@/lib/jobs/watch/watch-job";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import type { ProviderKey } from "@/lib/providers/types";
import { testDatabases } from "@/tests/support/audit-log";

const ADMIN = "jobs-policy-alerts-admin-credential-7Hq";
const open = testDatabases();

let eleven: Emulator;
let database: Database;
let engine: JobEngine;
const alerts: AlertEvent[] = [];
const stopListening = onAlert((event) => void alerts.push(event));
const policyAlerts = () => alerts.filter((a) => a.kind === "policy_broken");

async function deps(): Promise<ConnectionDeps> {
  return {
    db: database.db,
    keys: () => {
      throw new Error("no stored connection here");
    },
    fixed: async () => [
      {
        id: ENVIRONMENT_CONNECTION_ID,
        name: "ElevenLabs (ELEVENLABS_API_KEY)",
        provider: "elevenlabs",
        baseUrl: eleven.url,
        source: "environment",
        credentialHint: ADMIN.slice(-4),
        createdAt: null,
        credential: async () => ADMIN,
      },
    ],
    check: async () => ({ ok: true, summary: "" }),
  };
}

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${eleven.url}${path}`, {
    method,
    headers: { "content-type": "application/json", "xi-api-key": ADMIN },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as T;
}

async function watch(): Promise<JobRunView> {
  alerts.length = 0;
  const id = await engine.runNow(WATCH_JOB, "admin@example.com");
  for (let i = 0; i < 240; i++) {
    const run = (await recentRuns(database.db, [WATCH_JOB])).find((r) => r.id === id);
    if (run && (run.state === "completed" || run.state === "failed")) return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} did not finish`);
}

/** The names of the emulator's keys that have every permission (on the wire: `permissions: null`). */
async function unrestrictedKeys(): Promise<string[]> {
  const { "service-accounts": accounts } = await admin<{
    "service-accounts": { "api-keys": { name: string; permissions: unknown }[] }[];
  }>("GET", "/v1/service-accounts");
  return accounts.flatMap((a) => a["api-keys"].filter((k) => k.permissions === null).map((k) => k.name));
}

beforeAll(async () => {
  [eleven, database] = await Promise.all([
    startEmulator({ adminKeys: [ADMIN], seed: "demo", control: true }),
    open("pglite"),
  ]);
  engine = createJobEngine(database, [watchJob(deps, 0)], { pollSeconds: 0.5 });
  await engine.start();
}, 120_000);

afterAll(async () => {
  stopListening();
  await engine?.stop(1);
  await eleven?.close();
});

describe("policy_broken alerts from the watch", { timeout: 120_000 }, () => {
  let saId: string;
  let keyId: string;

  it("with no rule, tells nothing", async () => {
    const run = await watch();
    expect(run.summary).toMatchObject({ policyAlerts: 0 });
    expect(policyAlerts()).toEqual([]);
  });

  it("tells once per key that breaks a newly turned-on rule, then not again", async () => {
    await database.db.insert(keyPolicy).values({ kind: "no_unrestricted", mode: "report", limit: null });
    const expected = await unrestrictedKeys();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(MAX_KEY_ALERTS);
    const run = await watch();
    expect(run.summary).toMatchObject({ policyAlerts: expected.length });
    expect(
      policyAlerts()
        .map((a) => a.target?.name)
        .sort(),
    ).toEqual([...expected].sort());
    expect(policyAlerts()[0]).toMatchObject({
      severity: "warning",
      title: expect.stringContaining("breaks a key policy"),
      body: expect.stringContaining("It has every permission."),
      target: { connectionId: ENVIRONMENT_CONNECTION_ID },
    });
    const again = await watch();
    expect(again.summary).toMatchObject({ policyAlerts: 0 });
    expect(policyAlerts()).toEqual([]);
  });

  it("tells about a key made outside that breaks the rule, once", async () => {
    ({ "service-account-user-id": saId } = await admin<{ "service-account-user-id": string }>(
      "POST",
      "/v1/service-accounts",
      { name: "Policy drill" },
    ));
    ({ key_id: keyId } = await admin<{ key_id: string }>("POST", `/v1/service-accounts/${saId}/api-keys`, {
      name: "wide-open",
      permissions: "all",
    }));
    const run = await watch();
    expect(run.summary).toMatchObject({ policyAlerts: 1, outsideChanges: 1 });
    expect(policyAlerts()).toEqual([
      expect.objectContaining({
        title: "Key “wide-open” breaks a key policy",
        target: expect.objectContaining({ keyId }),
      }),
    ]);
    expect((await watch()).summary).toMatchObject({ policyAlerts: 0 });
  });

  it("forgets a breach that was mended, so breaking the rule again is told again", async () => {
    await admin("PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      permissions: ["text_to_speech"],
    });
    expect((await watch()).summary).toMatchObject({ policyAlerts: 0 });
    expect(
      await database.db.select().from(policyBreachAlerted).where(eq(policyBreachAlerted.keyId, keyId)),
    ).toEqual([]);
    await admin("PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, { permissions: "all" });
    const run = await watch();
    expect(run.summary).toMatchObject({ policyAlerts: 1 });
    expect(policyAlerts()[0]?.target?.keyId).toBe(keyId);
  });

  it("keeps what it knows of a connection it could not read", async () => {
    const before = await database.db.select().from(policyBreachAlerted);
    const unreadable: ConnectionRead = {
      connection: { id: ENVIRONMENT_CONNECTION_ID } as ConnectionRead["connection"],
      capabilities: ELEVENLABS_CAPABILITIES,
      ok: false,
      error: { code: "upstream_unavailable", message: "down", upstreamRequestId: null },
    };
    expect(await policyBrokenAlerts(database.db, [unreadable])).toEqual([]);
    expect(await database.db.select().from(policyBreachAlerted)).toHaveLength(before.length);
  });

  it("tells a flood as MAX_KEY_ALERTS keys and one summary", async () => {
    const key = (n: number): ProviderKey => ({
      id: `flood-${n}`,
      name: `flood-${n}`,
      group: { id: "sa-flood", name: "Flood" },
      owner: null,
      hint: null,
      secretHash: null,
      enabled: true,
      disableReason: null,
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      expiresAt: null,
      permissions: { kind: "permission_list", value: "all", unknown: [] },
      restrictions: { characterLimit: { limit: null, used: null }, ipAllowlist: null },
    });
    const read: ConnectionRead = {
      connection: { id: "flood-connection" } as ConnectionRead["connection"],
      capabilities: ELEVENLABS_CAPABILITIES,
      ok: true,
      keys: Array.from({ length: MAX_KEY_ALERTS + 7 }, (_, n) => key(n)),
      readAt: new Date().toISOString(),
    };
    const told = await policyBrokenAlerts(database.db, [read]);
    expect(told).toHaveLength(MAX_KEY_ALERTS + 1);
    expect(told.at(-1)).toMatchObject({ title: "7 more keys newly break key policies" });
    expect(await policyBrokenAlerts(database.db, [read])).toEqual([]);
    // The rule turned off: what was told of it is forgotten, so turning it on again tells again.
    await database.db.delete(keyPolicy);
    expect(await policyBrokenAlerts(database.db, [read])).toEqual([]);
    expect(
      await database.db
        .select()
        .from(policyBreachAlerted)
        .where(eq(policyBreachAlerted.connectionId, "flood-connection")),
    ).toEqual([]);
    await database.db.insert(keyPolicy).values({ kind: "no_unrestricted", mode: "enforce", limit: null });
    expect(await policyBrokenAlerts(database.db, [read])).toHaveLength(MAX_KEY_ALERTS + 1);
  });
});
