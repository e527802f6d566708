// Connections on a real database (PGlite, and PostgreSQL when the run has one): add after a live
// check, test, rename, remove, each audited; the credential is nowhere but sealed in its column.
// The live check is injected here (lib/providers' own tests cover the providers; the integration
// test runs the real one against the emulators).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import { selectRows, testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { addConnection, removeConnection, renameConnection, testConnection } from "./actions";
import { encryptionKey } from "./crypto";
import type { Keyring } from "./keys";
import { listConnections, type ConnectionDeps } from "./list";
import type { Connection, ConnectionActionContext, CredentialCheck, CredentialChecker } from "./types";
import { connectionView } from "./view";

const open = testDatabases();
const GOOD = "docspace-admin-token-0123456789-Zq7W";
const ctx: ConnectionActionContext = {
  actor: {
    id: "u_admin",
    email: "admin@example.com",
    name: "Admin",
    role: "admin",
  } as ConnectionActionContext["actor"],
  info: { requestId: "req-1", ip: "203.0.113.9", userAgent: "vitest" },
};

const fileConnection: Connection = {
  id: "file-support",
  name: "Support portal",
  provider: "docspace",
  baseUrl: "https://support.example.com",
  source: "file",
  credentialHint: "WXYZ",
  createdAt: null,
  credential: async () => "file-credential-WXYZ",
};

function keyringOf(bytes = randomBytes(32)): Keyring {
  const current = encryptionKey(bytes);
  return { current, all: [current] };
}

/** A checker that accepts GOOD and refuses anything else the way an upstream 401 would. */
const checker: CredentialChecker = async (_provider, target): Promise<CredentialCheck> =>
  target.credential === GOOD
    ? { ok: true, summary: "3 API keys" }
    : {
        ok: false,
        reason: "unauthorized",
        message: `401: bad token ${target.credential}`,
        requestId: "up-req-42",
      };

async function setup(kind: "pglite" | "postgres", keys = keyringOf()) {
  const { db } = await open(kind);
  const calls: string[] = [];
  const deps: ConnectionDeps = {
    db,
    keys: () => keys,
    fixed: async () => [fileConnection],
    check: async (p, t) => {
      calls.push(t.baseUrl);
      return checker(p, t);
    },
  };
  return { db, deps, calls, keys };
}

async function everything(db: Db): Promise<string> {
  const tables = await selectRows<{ row: unknown }>(db, sql`select row_to_json(c) as row from connection c`);
  const audit = await db.select().from(auditLog);
  return JSON.stringify([tables, audit]);
}

describe.each(DATABASE_KINDS)("connections (%s)", (kind) => {
  it("adds a checked connection, stores the credential only sealed, and audits without it", async () => {
    const { db, deps } = await setup(kind);
    const added = await addConnection(deps, ctx, {
      name: "DocSpace",
      provider: "docspace",
      baseUrl: "https://portal.example.com/",
      credential: GOOD,
    });
    expect(added.summary).toBe("3 API keys");
    expect(added.connection).toMatchObject({
      name: "DocSpace",
      provider: "docspace",
      baseUrl: "https://portal.example.com",
      source: "database",
      credentialHint: "Zq7W",
    });
    expect(Object.keys(added.connection).sort()).toEqual(
      ["baseUrl", "createdAt", "credentialHint", "id", "name", "provider", "source"].sort(),
    );
    const [raw] = await selectRows<{ credential_ciphertext: string }>(db, sql`select * from connection`);
    expect(raw!.credential_ciphertext).toMatch(/^v1:/);
    const all = await everything(db);
    expect(all).not.toContain(GOOD);
    expect(all).not.toContain(GOOD.slice(0, 12));
    const rows = await db.select().from(auditLog);
    expect(rows.map((r) => [r.action, r.outcome, r.targetName])).toEqual([
      ["connection_created", "ok", "DocSpace"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("Zq7W");

    const listed = await listConnections(deps);
    expect(listed.map((c) => [c.id, c.source])).toEqual([
      ["file-support", "file"],
      [added.connection.id, "database"],
    ]);
    expect(await listed[1]!.credential()).toBe(GOOD);
  });

  it("refuses a credential the upstream refuses: nothing stored, the reason and request id given, audited as an error", async () => {
    const { db, deps } = await setup(kind);
    const bad = "wrong-token-abcdefgh";
    const error = (await addConnection(deps, ctx, {
      name: "DocSpace",
      provider: "docspace",
      baseUrl: "https://portal.example.com",
      credential: bad,
    }).catch((e: unknown) => e)) as {
      code: string;
      message: string;
      extra: { upstreamRequestId?: string; fields?: unknown };
    };
    expect(error).toMatchObject({ code: "validation_failed", extra: { upstreamRequestId: "up-req-42" } });
    expect(error.extra.fields).toEqual([{ path: ["credential"], message: expect.stringContaining("401") }]);
    // The upstream echoed the credential; Keydesk's message does not.
    expect(error.message).not.toContain(bad);
    expect(JSON.stringify(error.extra)).not.toContain(bad);
    expect(await selectRows(db, sql`select id from connection`)).toEqual([]);
    const rows = await db.select().from(auditLog);
    expect(rows.map((r) => [r.action, r.outcome, r.errorCode, r.upstreamRequestId])).toEqual([
      ["connection_created", "error", "credential_unauthorized", "up-req-42"],
    ]);
    expect(JSON.stringify(rows)).not.toContain(bad);
  });

  it("refuses a name another connection has (the file's too), before calling the upstream", async () => {
    const { deps, calls } = await setup(kind);
    await expect(
      addConnection(deps, ctx, {
        name: "support PORTAL",
        provider: "docspace",
        baseUrl: "https://x.example",
        credential: GOOD,
      }),
    ).rejects.toMatchObject({ code: "validation_failed", extra: { fields: [{ path: ["name"] }] } });
    expect(calls).toEqual([]);
  });

  it("tests, renames and removes a stored connection; the file's cannot be renamed or removed", async () => {
    const { db, deps } = await setup(kind);
    const { connection } = await addConnection(deps, ctx, {
      name: "DocSpace",
      provider: "docspace",
      baseUrl: "https://portal.example.com",
      credential: GOOD,
    });
    expect((await testConnection(deps, ctx, connection.id)).summary).toBe("3 API keys");
    await expect(testConnection(deps, ctx, "file-support")).rejects.toMatchObject({
      code: "validation_failed",
      extra: { upstreamRequestId: "up-req-42" },
    });
    expect(await renameConnection(deps, ctx, connection.id, "Main portal")).toMatchObject({
      name: "Main portal",
    });
    await expect(renameConnection(deps, ctx, connection.id, "Support portal")).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(renameConnection(deps, ctx, "file-support", "Other")).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(removeConnection(deps, ctx, "file-support")).rejects.toMatchObject({ code: "conflict" });
    await expect(removeConnection(deps, ctx, "conn_missing")).rejects.toMatchObject({ code: "not_found" });
    await removeConnection(deps, ctx, connection.id);
    expect((await listConnections(deps)).map((c) => c.id)).toEqual(["file-support"]);
    const rows = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["connection_created", "ok"],
      ["connection_tested", "ok"],
      ["connection_tested", "error"],
      ["connection_renamed", "ok"],
      ["connection_removed", "ok"],
    ]);
    expect(rows[3]!.changes).toEqual({ name: { before: "DocSpace", after: "Main portal" } });
    expect(rows.every((r) => (r.details as { connectionId?: string }).connectionId)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(GOOD);
  });

  it("a ciphertext copied onto another row does not decrypt", async () => {
    const { db, deps } = await setup(kind);
    const a = await addConnection(deps, ctx, {
      name: "A",
      provider: "docspace",
      baseUrl: "https://a.example",
      credential: GOOD,
    });
    const b = await addConnection(deps, ctx, {
      name: "B",
      provider: "docspace",
      baseUrl: "https://b.example",
      credential: GOOD,
    });
    await db.execute(
      sql`update connection set credential_ciphertext = (select credential_ciphertext from connection where id = ${a.connection.id}) where id = ${b.connection.id}`,
    );
    const listed = await listConnections(deps);
    await expect(listed.find((c) => c.id === b.connection.id)!.credential()).rejects.toThrow(
      /does not decrypt/,
    );
    expect(await listed.find((c) => c.id === a.connection.id)!.credential()).toBe(GOOD);
  });

  it("lists without a key configured, and asks for one only to store a credential", async () => {
    const { deps, calls } = await setup(kind);
    const noKey: ConnectionDeps = {
      ...deps,
      keys: () => {
        throw new Error("KEYDESK_ENCRYPTION_KEY is required");
      },
    };
    expect((await listConnections(noKey)).map(connectionView)).toHaveLength(1);
    await expect(
      addConnection(noKey, ctx, {
        name: "A",
        provider: "docspace",
        baseUrl: "https://a.example",
        credential: GOOD,
      }),
    ).rejects.toThrow(/KEYDESK_ENCRYPTION_KEY/);
    expect(calls).toEqual([]);
  });
});
