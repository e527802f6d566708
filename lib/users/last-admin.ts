// Keydesk must always keep one enabled admin: nobody may demote or disable the last one, not even
// that admin themself. Changes that could break the rule run under one lock, so two admins
// demoting each other at the same moment cannot both succeed.
import "server-only";
import { and, eq, ne, or, isNull, sql } from "drizzle-orm";
import { ApiError } from "@/lib/http/api-error";
import type { Db } from "@/lib/db";
import { user } from "@/lib/db/schema";

/** Serialises role and enabled changes (the audit chain uses 724_402, migrations 724_401). */
export const USER_ADMIN_LOCK = 724_403;

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function lockUserChanges(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${USER_ADMIN_LOCK})`);
}

export class LastAdminError extends ApiError {
  constructor(what: "demote" | "disable") {
    super(
      "conflict",
      what === "demote"
        ? "This is the last enabled admin: make another user an admin before changing this role."
        : "This is the last enabled admin: make another user an admin before disabling this one.",
    );
  }
}

/** Throws LastAdminError unless an enabled admin other than `userId` exists. */
export async function assertAnotherEnabledAdmin(
  tx: Tx,
  userId: string,
  what: "demote" | "disable",
): Promise<void> {
  const [other] = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.role, "admin"), ne(user.id, userId), or(eq(user.banned, false), isNull(user.banned))))
    .limit(1);
  if (!other) throw new LastAdminError(what);
}
