// Every connection this Keydesk manages: the fixed ones (the environment's or demo mode's, then the
// file's) and the ones added on the page, in that order.
import "server-only";
import type { Db } from "@/lib/db";
import { isDemoMode } from "@/lib/env";
import { demoConnections } from "./demo";
import { connectionFromEnvironment } from "./environment";
import { connectionsFromFile } from "./file";
import type { Keyring } from "./keys";
import { findStoredConnection, listStoredConnections } from "./store";
import type { Connection, CredentialChecker } from "./types";

export interface ConnectionDeps {
  db: Db;
  /** Asked for only when a stored credential is encrypted or decrypted (real mode may have no key). */
  keys: () => Keyring;
  /** The connections the page cannot change: the environment's (or demo's) and the file's. */
  fixed: () => Promise<Connection[]>;
  /** The live read that checks a credential (lib/providers). */
  check: CredentialChecker;
}

/** This process's fixed connections: demo mode's four (those that started), or the environment's; then the file's. */
export async function fixedConnections(): Promise<Connection[]> {
  const first = isDemoMode() ? await demoConnections() : [await connectionFromEnvironment()];
  return [...first, ...connectionsFromFile()];
}

/** A keyring that is only made when a stored credential is touched. */
export function lazyKeyring(keys: () => Keyring): Keyring {
  let made: Keyring | undefined;
  const get = () => (made ??= keys());
  return {
    get current() {
      return get().current;
    },
    get all() {
      return get().all;
    },
  };
}

export async function listConnections(deps: ConnectionDeps): Promise<Connection[]> {
  const [fixed, stored] = await Promise.all([
    deps.fixed(),
    listStoredConnections(deps.db, lazyKeyring(deps.keys)),
  ]);
  return [...fixed, ...stored];
}

export async function findConnection(deps: ConnectionDeps, id: string): Promise<Connection | null> {
  const fixed = (await deps.fixed()).find((c) => c.id === id);
  return fixed ?? findStoredConnection(deps.db, lazyKeyring(deps.keys), id);
}
