// What a route handler works with, got in one place: this process's upstream (ElevenLabs, or the
// demo emulator), its database and its sign-in service, each opened once and shared (lib/elevenlabs/
// upstream.ts, lib/db, lib/auth). A handler asks for what it needs when it needs it, so a handler
// that only reads the database never starts the upstream, and a refused request opens nothing.
import "server-only";
import { getAuth } from "@/lib/auth";
import type { Auth } from "@/lib/auth/auth";
import { getDatabase, type Db } from "@/lib/db";
import { getUpstream } from "@/lib/elevenlabs/upstream";
import type { KeyDeps } from "@/lib/keys";
import type { SessionUser } from "@/lib/auth/session";
import { assertCanUsePrimaryConnection, fixedConnections, type ConnectionDeps } from "@/lib/connections";
import { checkWithProvider } from "@/lib/connections/check";
import { keyring } from "@/lib/connections/keys";

/**
 * The upstream and the database: what every key, service account, inventory and find-key action
 * takes. They act on the primary connection, so `user`'s access to it is checked first: a user
 * limited to other connections gets a 403 here, before the upstream is opened or called.
 */
export async function keyDeps(user: Pick<SessionUser, "id" | "role">): Promise<KeyDeps> {
  const { db } = await getDatabase();
  await assertCanUsePrimaryConnection(user, db);
  return { upstream: await getUpstream(), db };
}

/**
 * The upstream and the database without the access check, for Find a key alone: it searches every
 * connection the user may use and asks itself whether that includes the primary one (a user limited
 * to other connections still searches those), so a 403 here would hide the others' results.
 */
export async function keyDepsOfSearch(): Promise<KeyDeps> {
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  return { upstream, db };
}

/** The sign-in service and the database: for the handlers that check a password or a code, or add a user. */
export async function authDeps(): Promise<{ auth: Auth; db: Db }> {
  const [auth, { db }] = await Promise.all([getAuth(), getDatabase()]);
  return { auth, db };
}

/** The database alone. */
export async function database(): Promise<Db> {
  return (await getDatabase()).db;
}

/** What the connection handlers take: the database, the encryption keys (made only when a stored
 * credential is touched), the environment's and the file's connections, and the providers' live check. */
export async function connectionDeps(): Promise<ConnectionDeps> {
  return { db: await database(), keys: () => keyring(), fixed: fixedConnections, check: checkWithProvider };
}
