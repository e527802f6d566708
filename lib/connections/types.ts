// The shapes of connections: what the server holds (the credential reachable, never in a view) and
// what the browser sees (view.ts builds it field by field).
import type { SessionUser } from "@/lib/auth/session";
import type { RequestInfo } from "@/lib/http/request-info";
import type { CredentialCheck } from "@/lib/providers/types";
import type { ConnectionProvider } from "./providers";

/** Where a connection comes from, and so who may change it. */
export type ConnectionSource =
  /** Added on the Connections page; admins rename, test and remove it there. */
  | "database"
  /** Declared in KEYDESK_CONNECTIONS_FILE; changed by changing the file. */
  | "file"
  /** ELEVENLABS_API_KEY (and ELEVENLABS_BASE_URL), as before connections existed. */
  | "environment"
  /** Demo mode's embedded ElevenLabs emulator. */
  | "demo";

/** What the browser sees of a connection: never the credential, only its last four characters. */
export interface ConnectionView {
  id: string;
  name: string;
  provider: ConnectionProvider;
  baseUrl: string;
  source: ConnectionSource;
  /** The credential's last four characters; empty for a credential under 12 characters. */
  credentialHint: string;
  createdAt: string | null;
}

/** A connection on the server: its view, and a way to its credential (decrypted only when called). */
export interface Connection extends ConnectionView {
  credential(): Promise<string>;
}

/** The outcome of a live read with a credential (lib/providers' checkCredential). */
export type { CredentialCheck };

/** Runs the live read for a provider; lib/providers in the product, an injected one in unit tests. */
export type CredentialChecker = (
  provider: ConnectionProvider,
  target: { baseUrl: string; credential: string },
) => Promise<CredentialCheck>;

export interface ConnectionActionContext {
  actor: SessionUser;
  info: RequestInfo;
}
