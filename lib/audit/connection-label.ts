// How the audit log names a row's connection: by the name it has now (the page and the CSV get the
// names from lib/connections' listConnections), or by its id when no connection has it any more
// (removed since), so a row never loses what it was about. Browser-safe.

/** Connection ids to names: a plain record, so a page can hand it to a component as it is. */
export type ConnectionNames = Readonly<Record<string, string>>;

/** The connection's name, its id when it was removed, or null for a row with no connection. */
export function connectionLabel(id: string | null, names: ConnectionNames): string | null {
  if (id === null) return null;
  return Object.hasOwn(names, id) ? names[id]! : id;
}
