// The key a write acts on, read first: the audit row needs its name and its values before the change,
// and a key that is not there is a 404 before anything is written.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import type { KeyClient, KeyRef, ProviderKey } from "@/lib/providers/types";
import { providerCall } from "./provider-call";

export async function readKey(client: KeyClient, ref: KeyRef): Promise<ProviderKey> {
  const keys = await providerCall(() => client.list());
  const key = keys.find((k) => k.id === ref.id && (!ref.group || k.group?.id === ref.group.id));
  if (!key) throw new ApiError("not_found", "This connection has no such key (it may have been deleted).");
  return key;
}
