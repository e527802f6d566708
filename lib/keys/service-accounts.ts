// Creating a service account (admin). Audited as attempt and completion.
import "server-only";
import { audited } from "@/lib/audit";
import type { ServiceAccount } from "@/lib/elevenlabs/types";
import { keyEvent } from "./audit";
import type { KeyActionContext, KeyDeps } from "./types";

export async function createServiceAccount(
  deps: KeyDeps,
  ctx: KeyActionContext,
  name: string,
): Promise<ServiceAccount> {
  // The new account's id is not known before the call; the audit row names it by its name.
  const event = keyEvent(
    ctx,
    "service_account_created",
    { serviceAccountId: null, name },
    { name: { before: null, after: name } },
  );
  const { id } = await audited(deps.db, event, () => deps.upstream.createServiceAccount(name));
  try {
    const found = (await deps.upstream.listServiceAccounts()).find((a) => a.id === id);
    if (found) return found;
  } catch {
    // Made upstream; the read-back is only for createdAt.
  }
  return { id, name, createdAt: null, keys: [] };
}
