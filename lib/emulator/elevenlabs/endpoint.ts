// What a route's endpoint is: the shape api.ts (the service-accounts API) and usage-api.ts (the
// endpoints keys are used for) both fill in, and what the server hands each.
import type { ValidationIssue } from "./errors";
import type { Operation } from "./operations";
import type { EmulatorStore, KeyRecord } from "./store";

export interface Outcome {
  status: number;
  /** A JSON body; ignored when `raw` is given. */
  body: unknown;
  /** A body that is not JSON (text to speech's audio). */
  raw?: { contentType: string; bytes: Buffer };
  headers?: Record<string, string>;
}

/** Who made an authenticated request: a workspace admin key, or a service account's key. */
export type Caller = { kind: "admin" } | { kind: "key"; key: KeyRecord };

export interface WorkspaceContext {
  store: EmulatorStore;
  maxServiceAccounts: number;
  requestId: string;
  caller: Caller;
}

export interface Endpoint<Body = unknown> {
  /** Whether the endpoint takes a body, and whether it may be left out. */
  body: "none" | "required" | "optional";
  /**
   * The ordinary operation this is (its permission), when a service account's key may call it;
   * without one, only the workspace admin keys may (the service-accounts API).
   */
  operation?: Operation;
  parse?: (raw: unknown) => { ok: true; value: Body } | { ok: false; issues: ValidationIssue[] };
  handle: (ctx: WorkspaceContext, params: Record<string, string>, body: Body) => Outcome;
}

/** Erases an endpoint's body type for the route table (parse and handle agree by construction). */
export const endpoint = <Body>(e: Endpoint<Body>) => e as Endpoint<unknown>;
