// Reading users. Only the columns a summary needs are selected, so no password or token can leak.
import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { ApiError } from "@/lib/http/api-error";
import { isPendingRole, isRole } from "@/lib/roles";
import type { Db } from "@/lib/db";
import { user } from "@/lib/db/schema";
import type { UserSummary } from "./types";

const columns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: user.banned,
  createdAt: user.createdAt,
};

type Row = {
  id: string;
  email: string;
  name: string;
  role: string | null;
  banned: boolean | null;
  createdAt: Date;
};

function toSummary(row: Row): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: isRole(row.role) ? row.role : null,
    pending: isPendingRole(row.role),
    disabled: row.banned === true,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const rows = await db.select(columns).from(user).orderBy(asc(user.createdAt), asc(user.email));
  return rows.map(toSummary);
}

export async function findUser(db: Db, id: string): Promise<UserSummary | null> {
  const [row] = await db.select(columns).from(user).where(eq(user.id, id)).limit(1);
  return row ? toSummary(row) : null;
}

export async function getUser(db: Db, id: string): Promise<UserSummary> {
  const found = await findUser(db, id);
  if (!found) throw new ApiError("not_found", "There is no such user.");
  return found;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserSummary | null> {
  const [row] = await db
    .select(columns)
    .from(user)
    .where(eq(sql`lower(${user.email})`, email.toLowerCase()))
    .limit(1);
  return row ? toSummary(row) : null;
}
