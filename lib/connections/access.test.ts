// Limiting a user to some connections: no rows, every connection; rows, only those; admins always
// every one; a removed connection's rows keep its users limited; each change audited.
import { describe, expect, it } from "vitest";
import { auditLog, user } from "@/lib/db/schema";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { canUseConnection, connectionLimits, setConnectionLimits } from "./access";
import type { ConnectionActionContext } from "./types";

const open = testDatabases();
const ctx = {
  actor: { id: "u_admin", email: "admin@example.com", name: "Admin", role: "admin" },
  info: { requestId: "req-1", ip: null, userAgent: null },
} as ConnectionActionContext;

describe.each(DATABASE_KINDS)("connection limits (%s)", (kind) => {
  it("limits support to one connection, lifts it, and never limits an admin", async () => {
    const { db } = await open(kind);
    await db.insert(user).values([
      { id: "u_support", name: "S", email: "s@example.com", role: "support" },
      { id: "u_other", name: "O", email: "o@example.com", role: "support" },
    ]);
    const support = { id: "u_support", role: "support" as const };
    expect(await canUseConnection(support, "conn_docspace", db)).toBe(true);
    expect(await setConnectionLimits(db, ctx, "u_support", ["conn_docspace", "conn_docspace"])).toEqual([
      "conn_docspace",
    ]);
    expect(await canUseConnection(support, "conn_docspace", db)).toBe(true);
    expect(await canUseConnection(support, "env-elevenlabs", db)).toBe(false);
    expect(await canUseConnection({ id: "u_other", role: "support" }, "env-elevenlabs", db)).toBe(true);
    expect(await canUseConnection({ id: "u_support", role: "admin" }, "env-elevenlabs", db)).toBe(true);
    expect(await setConnectionLimits(db, ctx, "u_support", [])).toBeNull();
    expect(await connectionLimits(db, "u_support")).toBeNull();
    expect(await canUseConnection(support, "env-elevenlabs", db)).toBe(true);
    await expect(setConnectionLimits(db, ctx, "u_nobody", ["x"])).rejects.toMatchObject({
      code: "not_found",
    });
    const rows = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.targetName, r.changes])).toEqual([
      [
        "user_connections_changed",
        "s@example.com",
        { connections: { before: "all", after: ["conn_docspace"] } },
      ],
      [
        "user_connections_changed",
        "s@example.com",
        { connections: { before: ["conn_docspace"], after: "all" } },
      ],
    ]);
  });
});
