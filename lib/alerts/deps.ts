// What the alert handlers and the dispatcher work with: this process's database and the encryption
// keys (made only when a channel's secret is sealed or opened, as for connections).
import "server-only";
import { keyring } from "@/lib/connections/keys";
import { lazyKeyring } from "@/lib/connections/list";
import { getDatabase } from "@/lib/db";
import type { AlertDeps } from "./dispatcher";

export async function alertDeps(): Promise<AlertDeps> {
  return { db: (await getDatabase()).db, keys: lazyKeyring(() => keyring()) };
}
