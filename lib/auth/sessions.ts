// A person's sessions (device, address, when signed in, last use), and ending them: one's own (the
// current one included), or, for an admin, all of another user's. Keydesk's own queries over the
// session table: better-auth's session endpoints are not exposed to the browser. Never a token.
import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import type { Db } from "@/lib/db";
import { session, user as userTable } from "@/lib/db/schema";
import { recordAccountEvent } from "./auth-events";
import type { SessionUser } from "./session";
import { describeDevice } from "./sessions-device";

export interface SessionView {
  id: string;
  device: string;
  ip: string | null;
  /** ISO 8601: when this sign-in happened. */
  createdAt: string;
  /** ISO 8601: the last use better-auth recorded (it refreshes a session at most every few minutes). */
  lastUsedAt: string;
  current: boolean;
}

export async function listSessions(
  db: Db,
  userId: string,
  currentSessionId: string | undefined,
  now = new Date(),
): Promise<SessionView[]> {
  const rows = await db
    .select({
      id: session.id,
      userAgent: session.userAgent,
      ip: session.ipAddress,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
    })
    .from(session)
    .where(and(eq(session.userId, userId), gt(session.expiresAt, now)))
    .orderBy(desc(session.updatedAt));
  return rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.userAgent),
    ip: row.ip || null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.updatedAt.toISOString(),
    current: row.id === currentSessionId,
  }));
}

/** Ends one of the person's own sessions (another person's id is "not found"). */
export async function endOwnSession(
  db: Db,
  actor: SessionUser,
  info: RequestInfo,
  sessionId: string,
): Promise<{ ended: string; current: boolean }> {
  const [ended] = await db
    .delete(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, actor.id)))
    .returning({ id: session.id, userAgent: session.userAgent });
  if (!ended) throw new ApiError("not_found", "No such session of yours: it may have ended already.");
  const current = ended.id === actor.sessionId;
  await recordAccountEvent(
    "session_ended",
    info,
    actor,
    { outcome: "ok" },
    {
      target: { userId: actor.id, name: actor.email },
      details: { device: describeDevice(ended.userAgent), current },
    },
  );
  return { ended: ended.id, current };
}

/** An admin signs a user out everywhere. */
export async function endAllSessions(
  db: Db,
  actor: SessionUser,
  info: RequestInfo,
  userId: string,
): Promise<{ ended: number }> {
  const [target] = await db
    .select({ id: userTable.id, email: userTable.email })
    .from(userTable)
    .where(eq(userTable.id, userId))
    .limit(1);
  if (!target) throw new ApiError("not_found", "No such user.");
  const ended = await db.delete(session).where(eq(session.userId, userId)).returning({ id: session.id });
  await recordAccountEvent(
    "user_sessions_ended",
    info,
    actor,
    { outcome: "ok" },
    { target: { userId: target.id, name: target.email }, details: { sessions: ended.length } },
  );
  return { ended: ended.length };
}
