// Every connection's keys at once, for the pages that cover all connections (all keys, the
// overview, find a key). Each connection is read on its own: one that fails (a refused credential,
// an upstream that is down or hangs) gives its own error with the upstream's request id and never
// holds up or breaks the others (each read ends within the connection's time limit). Each read that
// succeeds is compared with the connection's last one (lib/observed), so a key created, changed or
// deleted outside Keydesk becomes an audit row; a failed read says nothing and observes nothing.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import { ApiError } from "@/lib/http/api-error";
import { observeConnectionOrWarn } from "@/lib/observed";
import { fromProviderError, getProvider, type ProviderCapabilities, type ProviderKey } from "@/lib/providers";
import { connectionLimits } from "./access";
import { keyClientOf } from "./key-client";
import { listConnections, type ConnectionDeps } from "./list";
import type { ConnectionView } from "./types";
import { connectionView } from "./view";

/** Why a connection could not be read, in the words a page shows. */
export interface ConnectionReadError {
  code: string;
  message: string;
  upstreamRequestId: string | null;
}

export type ConnectionRead = {
  connection: ConnectionView;
  capabilities: ProviderCapabilities;
} & (
  | {
      ok: true;
      keys: ProviderKey[];
      readAt: string;
      /** How Keydesk first learned of each key (lib/observed); null or absent: not known. */
      origins?: ReadonlyMap<string, KeyOrigin> | null;
    }
  | { ok: false; error: ConnectionReadError }
);

export interface ReadAllOptions {
  /** Connections to leave out (a page that reads one connection its own way). */
  exclude?: readonly string[];
}

/** Why a read failed, in the words a page shows (never the upstream's own text). */
export function readError(error: unknown): ConnectionReadError {
  let apiError: ApiError;
  try {
    apiError = ApiError.is(error) ? error : fromProviderError(error);
  } catch {
    // A bug of ours, not the upstream's: said plainly, without its text (it may quote anything).
    apiError = new ApiError("internal", "Keydesk could not read this connection.");
  }
  return {
    code: apiError.code,
    message: apiError.message,
    upstreamRequestId: apiError.extra.upstreamRequestId ?? null,
  };
}

/** The keys of every connection `user` may use, in the connections' order, each with its own outcome. */
export async function readAllConnections(
  deps: ConnectionDeps,
  user: Pick<SessionUser, "id" | "role">,
  options: ReadAllOptions = {},
): Promise<ConnectionRead[]> {
  const [all, limits] = await Promise.all([
    listConnections(deps),
    user.role === "admin" ? null : connectionLimits(deps.db, user.id),
  ]);
  // The same rule as canUseConnection, asked once for the whole list.
  const wanted = all.filter(
    (c) => !options.exclude?.includes(c.id) && (limits === null || limits.includes(c.id)),
  );
  return Promise.all(
    wanted.map(async (c): Promise<ConnectionRead> => {
      let opened;
      try {
        opened = await keyClientOf(c);
      } catch (error) {
        // A stored credential that does not decrypt, or no encryption key configured.
        return {
          connection: connectionView(c),
          capabilities: getProvider(c.provider).capabilities,
          ok: false,
          error: readError(error),
        };
      }
      let keys: ProviderKey[];
      const readStartedAt = Date.now();
      try {
        keys = await opened.client.list();
      } catch (error) {
        return {
          connection: opened.connection,
          capabilities: opened.capabilities,
          ok: false,
          error: readError(error),
        };
      }
      const origins = await observeConnectionOrWarn(
        deps.db,
        { id: c.id, capabilities: opened.capabilities },
        keys,
        { readStartedAt },
      );
      return {
        connection: opened.connection,
        capabilities: opened.capabilities,
        ok: true,
        keys,
        readAt: new Date().toISOString(),
        origins,
      };
    }),
  );
}
