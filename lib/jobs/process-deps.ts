// What the jobs of this process read connections with: the same as the request handlers' (the
// database, the encryption keys, the fixed connections, the providers' check), got here because
// lib/api (where the handlers get theirs) is for route handlers only.
import "server-only";
import { fixedConnections, type ConnectionDeps } from "@/lib/connections/list";
import { checkWithProvider } from "@/lib/connections/check";
import { keyring } from "@/lib/connections/keys";
import { getDatabase } from "@/lib/db";

export async function processConnectionDeps(): Promise<ConnectionDeps> {
  const { db } = await getDatabase();
  return { db, keys: () => keyring(), fixed: fixedConnections, check: checkWithProvider };
}
