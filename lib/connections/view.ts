// The browser's shape of a connection, built field by field: the credential function (and so the
// credential) can never ride along by accident.
import type { Connection, ConnectionView } from "./types";

export function connectionView(c: Connection): ConnectionView {
  return {
    id: c.id,
    name: c.name,
    provider: c.provider,
    baseUrl: c.baseUrl,
    source: c.source,
    credentialHint: c.credentialHint,
    createdAt: c.createdAt,
  };
}
