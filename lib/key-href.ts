// Where a key's own page is, for every link to a key (tables, Find a key, the audit log, the
// overview). A key of the primary connection lives under its service account; a key of any other
// connection under that connection, with its group (an ElevenLabs service account) as `?group=`
// where the provider has groups, because the per-connection API needs it to find the key.
import { isPrimaryConnectionId } from "./connection-ids";

export type KeyRef = {
  /** The connection's id; absent or null means the primary connection (rows from before connections). */
  connectionId?: string | null;
  /** The key's group: the ElevenLabs service account id; null where the provider has no groups. */
  group?: string | null;
  keyId: string;
};

export function keyHref({ connectionId, group, keyId }: KeyRef): string {
  const key = encodeURIComponent(keyId);
  if (!connectionId || isPrimaryConnectionId(connectionId)) {
    if (!group) throw new Error("keyHref: a primary-connection key needs its service account (group)");
    return `/service-accounts/${encodeURIComponent(group)}/keys/${key}`;
  }
  const query = group ? `?group=${encodeURIComponent(group)}` : "";
  return `/connections/${encodeURIComponent(connectionId)}/keys/${key}${query}`;
}
