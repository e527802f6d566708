// Switching another connection's key off and on (the inventory's bulk actions) against the DocSpace
// and Voiceable emulators over HTTP: the change reaches the upstream and is audited with the
// connection's id and the reason; bad input, a provider without disable and a connection outside
// the user's access are refused before anything is sent upstream.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { ConnectionDeps } from "@/lib/connections/list";
import { setConnectionLimits } from "@/lib/connections/access";
import type { Connection, ConnectionActionContext } from "@/lib/connections/types";
import { auditLog, user } from "@/lib/db/schema";
import { startDocspaceEmulator, type DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { testDatabases } from "@/tests/support/audit-log";
import { connectionKeySwitchSchema, switchConnectionKey } from "./connection-switch";

const GOOD = "switch-admin-credential-3Kp7";
const open = testDatabases();
const admin = { id: "u_admin", email: "admin@example.com", name: "Admin", role: "admin" } as SessionUser;
const support = { id: "u_support", email: "s@example.com", name: "S", role: "support" } as SessionUser;
const info = { requestId: "req-switch", ip: "203.0.113.5", userAgent: "vitest" };

let docspace: DocspaceEmulator;
let voiceable: VoiceableEmulator;
let database: ReturnType<typeof open> | undefined;
beforeAll(async () => {
  [docspace, voiceable] = await Promise.all([
    startDocspaceEmulator({ adminKeys: [GOOD], seed: "demo", control: true }),
    startVoiceableEmulator({ adminKeys: [GOOD], seed: "demo", control: true }),
  ]);
});
afterAll(() => Promise.all([docspace.close(), voiceable.close()]));

const fixed = (id: string, provider: Connection["provider"], baseUrl: string): Connection => ({
  id,
  name: `Connection ${id}`,
  provider,
  baseUrl,
  source: "file",
  credentialHint: GOOD.slice(-4),
  createdAt: null,
  credential: async () => GOOD,
});

async function deps(): Promise<ConnectionDeps> {
  const { db } = await (database ??= open("pglite"));
  return {
    db,
    keys: () => {
      throw new Error("no stored connection here");
    },
    fixed: async () => [
      fixed("portal", "docspace", docspace.url),
      fixed("voice", "voiceable", `${voiceable.url}/api/v1`),
    ],
    check: async () => ({ ok: true, summary: "" }),
  };
}

async function docspaceKeys(): Promise<{ id: string; isActive: boolean; expiresAt: string | null }[]> {
  const res = await fetch(`${docspace.url}/api/2.0/keys`, { headers: { authorization: `Bearer ${GOOD}` } });
  return ((await res.json()) as { response: { id: string; isActive: boolean; expiresAt: string | null }[] })
    .response;
}

describe("switchConnectionKey", { timeout: 60_000 }, () => {
  it("disables a DocSpace key upstream and audits attempt and completion with the connection and reason", async () => {
    const d = await deps();
    const target = (await docspaceKeys()).find(
      (k) => k.isActive && (k.expiresAt === null || Date.parse(k.expiresAt) > Date.now()),
    )!;
    const key = await switchConnectionKey(d, { actor: admin, info }, "portal", target.id, {
      enabled: false,
      reason: "leaked in a ticket",
    });
    expect(key).toMatchObject({ id: target.id, enabled: false });
    expect((await docspaceKeys()).find((k) => k.id === target.id)?.isActive).toBe(false);
    const rows = await d.db.select().from(auditLog).where(eq(auditLog.keyId, target.id)).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.outcome, r.connectionId, r.reason])).toEqual([
      ["key_disabled", "pending", "portal", "leaked in a ticket"],
      // The completion points at its attempt, which holds the reason.
      ["key_disabled", "ok", "portal", null],
    ]);
    expect(JSON.stringify(rows)).not.toContain(GOOD);

    await switchConnectionKey(d, { actor: admin, info }, "portal", target.id, { enabled: true });
    expect((await docspaceKeys()).find((k) => k.id === target.id)?.isActive).toBe(true);
  });

  it("refuses a disable without a reason, and a provider without disable, sending nothing upstream", async () => {
    const d = await deps();
    docspace.log.clear();
    voiceable.log.clear();
    await expect(
      switchConnectionKey(d, { actor: admin, info }, "portal", "1", { enabled: false }),
    ).rejects.toMatchObject({ code: "validation_failed", extra: { fields: [{ path: ["reason"] }] } });
    await expect(
      switchConnectionKey(d, { actor: support, info }, "portal", "1", { enabled: true }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      switchConnectionKey(d, { actor: admin, info }, "voice", "1", { enabled: false, reason: "leak" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/cannot be disabled/),
      extra: { fields: [{ path: ["enabled"] }] },
    });
    expect(docspace.log.list()).toEqual([]);
    expect(voiceable.log.list()).toEqual([]);
  });

  it("refuses a connection outside the user's access (403) and one that does not exist (404)", async () => {
    const d = await deps();
    await d.db.insert(user).values({ id: support.id, name: "S", email: support.email, role: "support" });
    await setConnectionLimits(
      d.db,
      { actor: admin, info } as unknown as ConnectionActionContext,
      support.id,
      ["voice"],
    );
    docspace.log.clear();
    await expect(
      switchConnectionKey(d, { actor: support, info }, "portal", "1", { enabled: false, reason: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      switchConnectionKey(d, { actor: admin, info }, "nope", "1", { enabled: false, reason: "x" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(docspace.log.list()).toEqual([]);
  });

  it("reads only true or false, and refuses a pasted secret as the reason", () => {
    expect(connectionKeySwitchSchema.safeParse({ enabled: "no" }).success).toBe(false);
    expect(connectionKeySwitchSchema.safeParse({}).success).toBe(false);
    expect(
      connectionKeySwitchSchema.safeParse({ enabled: false, reason: `sk_${"a1".repeat(24)}` }).success,
    ).toBe(false);
    expect(connectionKeySwitchSchema.safeParse({ enabled: false, reason: "rotating" }).success).toBe(true);
  });
});
