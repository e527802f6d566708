// What one single sign-on callback learned, shared between better-auth's hooks (which see the
// provider's profile, the user being created, the session) and Keydesk's callback handler (which
// audits it). It lives for one request only, in AsyncLocalStorage: never a token, never stored.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "@/lib/roles";

export interface SsoCallbackState {
  /** From the provider's profile: who it says this is. */
  email: string | null;
  /** The role the configured claim maps to; null: nothing maps (the user waits as pending). */
  mappedRole: Role | null;
  /** Set when this callback created the Keydesk user (their first sign-in). */
  created: { email: string; role: string } | null;
  /** The user the callback made a session for. */
  sessionUserId: string | null;
}

// One storage per process, not per copy of this module: Next.js bundles server code per route, and
// the better-auth instance (whose hooks read this) is shared by all of them through globalThis.
const SLOT = Symbol.for("keydesk.ssoCallbackState");
const slot = globalThis as { [SLOT]?: AsyncLocalStorage<SsoCallbackState> };
const storage = (slot[SLOT] ??= new AsyncLocalStorage<SsoCallbackState>());

export async function runSsoCallback<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; state: SsoCallbackState }> {
  const state: SsoCallbackState = { email: null, mappedRole: null, created: null, sessionUserId: null };
  const result = await storage.run(state, fn);
  return { result, state };
}

/** The current callback's state, or undefined outside one (any other way a user is made). */
export function ssoCallbackState(): SsoCallbackState | undefined {
  return storage.getStore();
}
