// Which connections a user may use. A user with no rows in user_connection may use every
// connection; with rows, only those. Admins always use every connection: they manage connections
// and users, so a limit on them would be one they could lift themselves.
import "server-only";
import { and, eq } from "drizzle-orm";
import { appendAudit } from "@/lib/audit/append";
import type { SessionUser } from "@/lib/auth/session";
import { getDatabase, type Db } from "@/lib/db";
import { user as userTable, userConnection } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/api-error";
import type { ConnectionActionContext } from "./types";

type Who = Pick<SessionUser, "id" | "role">;

/** The connections a user is limited to, or null when they may use every one. */
export async function connectionLimits(db: Db, userId: string): Promise<string[] | null> {
  const rows = await db
    .select({ connectionId: userConnection.connectionId })
    .from(userConnection)
    .where(eq(userConnection.userId, userId));
  return rows.length === 0 ? null : rows.map((r) => r.connectionId).sort();
}

/** May this user act on this connection? What every handler that touches a connection asks. */
export async function canUseConnection(user: Who, connectionId: string, db?: Db): Promise<boolean> {
  if (user.role === "admin") return true;
  const database = db ?? (await getDatabase()).db;
  const limits = await connectionLimits(database, user.id);
  if (limits === null) return true;
  const [row] = await database
    .select({ userId: userConnection.userId })
    .from(userConnection)
    .where(and(eq(userConnection.userId, user.id), eq(userConnection.connectionId, connectionId)));
  return row !== undefined;
}

/** canUseConnection, as a 403 for a handler. */
export async function assertCanUseConnection(user: Who, connectionId: string, db?: Db): Promise<void> {
  if (!(await canUseConnection(user, connectionId, db)))
    throw new ApiError("forbidden", "Your access does not include this connection.");
}

/**
 * Limits a user to these connections (an empty list: every connection again), in one transaction,
 * with the change on the audit log.
 */
export async function setConnectionLimits(
  db: Db,
  ctx: ConnectionActionContext,
  userId: string,
  connectionIds: readonly string[],
): Promise<string[] | null> {
  const [target] = await db
    .select({ id: userTable.id, email: userTable.email })
    .from(userTable)
    .where(eq(userTable.id, userId));
  if (!target) throw new ApiError("not_found", "There is no such user.");
  const wanted = [...new Set(connectionIds)].sort();
  const before = await connectionLimits(db, userId);
  await db.transaction(async (tx) => {
    await tx.delete(userConnection).where(eq(userConnection.userId, userId));
    if (wanted.length > 0)
      await tx.insert(userConnection).values(wanted.map((connectionId) => ({ userId, connectionId })));
  });
  const after = wanted.length === 0 ? null : wanted;
  await appendAudit(db, {
    action: "user_connections_changed",
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    target: { userId: target.id, name: target.email },
    changes: { connections: { before: before ?? "all", after: after ?? "all" } },
    outcome: "ok",
  });
  return after;
}
