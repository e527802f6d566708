// The DocSpace emulator's HTTP server: a stand-in for a portal's API-key endpoints on loopback, in
// the order ASP.NET Core works a request: route (404), authentication (401), the API key's scope
// (403), method (405), body (400), then the endpoint (404 for an unknown key). Besides the key
// endpoints it serves a few ordinary ones (usage-api.ts) under the same rules, so a key's secret can
// be tried as a caller uses it. Test-only control routes live under /__emulator/ when enabled.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { handleControl } from "../common/control";
import { applyFault } from "../common/fault-responder";
import { FaultQueue } from "../common/faults";
import { decodePath, isJsonMediaType, JSON_UTF8, sendJson } from "../common/http";
import { takeIn } from "../common/intake";
import { listen } from "../common/listen";
import { RequestLog } from "../common/request-log";
import { endpoints, type Caller, type Outcome } from "./api";
import { FAULT_STYLE, maskSecrets } from "./faults";
import { matchRoute } from "./routes";
import { scopeNeeded, scopesAllowArea, scopesAllowKeyManagement } from "./scopes";
import { ADMIN, applySeed, type Seed } from "./seed";
import { DocspaceStore, isExpired, type DocspaceKey } from "./store";
import { usage } from "./usage-api";
import { checkCreate, checkUpdate, MESSAGES } from "./validate";
import { envelope, errorEnvelope } from "./wire";

export interface DocspaceEmulatorOptions {
  /** The portal admin's credentials (Bearer tokens) that may manage every key. */
  adminKeys: string[];
  seed?: Seed;
  /** Enables the /__emulator/ control routes (tests only). */
  control?: boolean;
  host?: string;
  port?: number;
  /** The clock (epoch ms); tests move it to make keys expire. */
  now?: () => number;
}

export interface DocspaceEmulator {
  url: string;
  port: number;
  store: DocspaceStore;
  faults: FaultQueue;
  log: RequestLog;
  reset(seed: Seed): void;
  close(): Promise<void>;
}

export const UNAUTHORIZED = "Unauthorized.";
export const EXPIRED = "The API key has expired.";
export const DEACTIVATED = "The API key is deactivated.";
export const missingScope = (scope: string) =>
  `The API key is missing the scope ${scope} required for this request.`;
export const FORBIDDEN = "The API key's permissions do not allow this request.";
export const NOT_FOUND = "Not found.";
export const UNSUPPORTED_MEDIA_TYPE = "The request body must be sent as application/json.";
export const TOO_LARGE = "The request body is too large.";

export async function startDocspaceEmulator(options: DocspaceEmulatorOptions): Promise<DocspaceEmulator> {
  const store = new DocspaceStore();
  const faults = new FaultQueue();
  const log = new RequestLog(maskSecrets);
  const now = options.now ?? Date.now;
  const adminKeys = new Set(options.adminKeys.filter((k) => k.length > 0));
  if (adminKeys.size === 0) throw new Error("The emulator needs at least one admin key.");
  applySeed(store, options.seed ?? "demo", now());

  const reset = (seed: Seed) => {
    applySeed(store, seed, now());
    faults.clear();
    log.clear();
  };

  /**
   * The Bearer token's owner: the admin, a live key (its lastUsed moves), or why not (the 401's
   * message: an expired or deactivated key is told so, anything else is a bare "Unauthorized.").
   */
  function authenticate(req: IncomingMessage): Caller | { refused: string } {
    const match = /^Bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    if (!match) return { refused: UNAUTHORIZED };
    const token = match[1]!;
    if (adminKeys.has(token)) return { key: null, member: ADMIN };
    const key: DocspaceKey | undefined = store.findBySecret(token);
    const at = now();
    if (!key) return { refused: UNAUTHORIZED };
    if (isExpired(key, at)) return { refused: EXPIRED };
    if (!key.isActive) return { refused: DEACTIVATED };
    key.lastUsed = at;
    return { key, member: key.createBy };
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, requestId: string) {
    const method = req.method ?? "GET";
    const taken = await takeIn(req, res, path, requestId, {
      log,
      faults,
      mask: maskSecrets,
      style: FAULT_STYLE,
      hold: listener.hold,
      tooLarge: { body: errorEnvelope(413, TOO_LARGE), headers: JSON_UTF8 },
    });
    if (!taken) return;
    const { entry, json } = taken;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      sendJson(res, status, body, requestId, { ...JSON_UTF8, ...headers });
    };
    const fail = (status: number, message: string, headers: Record<string, string> = {}) =>
      send(status, errorEnvelope(status, message), headers);

    const route = matchRoute(method, path);
    if (route.kind === "none") return fail(404, NOT_FOUND);
    const caller = authenticate(req);
    if ("refused" in caller) return fail(401, caller.refused);
    if (caller.key && route.area !== "keys") {
      // An ordinary endpoint: the scope of the area its path is in, named in the 403.
      if (!scopesAllowArea(caller.key.permissions, route.area, method))
        return fail(403, missingScope(scopeNeeded(route.area, method)));
    } else if (caller.key && !(route.kind === "endpoint" && route.endpoint === "self")) {
      if (!scopesAllowKeyManagement(caller.key.permissions, method)) return fail(403, FORBIDDEN);
    }
    if (route.kind === "wrong-method")
      return fail(405, "Method not allowed.", { allow: route.allow.join(", ") });

    let outcome: Outcome;
    const at = now();
    const sentJson =
      route.endpoint === "create" || route.endpoint === "update" || route.endpoint === "createRoom";
    if (sentJson) {
      if (json.kind !== "none" && !isJsonMediaType(req.headers["content-type"]))
        return fail(415, UNSUPPORTED_MEDIA_TYPE);
      if (json.kind !== "value") return fail(400, MESSAGES.body);
    }
    if (route.endpoint === "createRoom")
      outcome = usage.createRoom(store, caller, json.kind === "value" ? json.value : null, at);
    else if (route.endpoint === "me") outcome = usage.me(caller);
    else if (route.endpoint === "myFiles") outcome = usage.myFiles();
    else if (route.endpoint === "rooms") outcome = usage.rooms(store);
    else if (route.endpoint === "create" || route.endpoint === "update") {
      if (json.kind !== "value") return fail(400, MESSAGES.body);
      if (route.endpoint === "create") {
        const body = checkCreate(json.value);
        if (!body.ok) return fail(400, body.message);
        outcome = endpoints.create(store, caller, body.value, at);
      } else {
        const body = checkUpdate(json.value);
        if (!body.ok) return fail(400, body.message);
        outcome = endpoints.update(store, route.keyId, body.value, at);
      }
    } else if (route.endpoint === "delete") outcome = endpoints.delete(store, route.keyId);
    else if (route.endpoint === "self") outcome = endpoints.self(caller);
    else if (route.endpoint === "permissions") outcome = endpoints.permissions();
    else outcome = endpoints.list(store);

    if (taken.after) {
      await applyFault(taken.after, res, requestId, entry, FAULT_STYLE, listener.hold);
      return;
    }
    if (!outcome.ok) return fail(outcome.status, outcome.message);
    const href = `http://${req.headers.host ?? "127.0.0.1"}${req.url ?? path}`;
    send(200, envelope(outcome.response, 200, href, method));
  }

  const listener = await listen({
    host: options.host,
    port: options.port,
    handle: (req, res, requestId) => {
      const path = decodePath((req.url ?? "/").split("?")[0]!);
      if (!(path.startsWith("/__emulator/") && options.control)) return handleApi(req, res, path, requestId);
      return handleControl<Seed>(req, res, path, requestId, {
        faults,
        log,
        seedSchema: z.enum(["demo", "empty"]),
        defaultSeed: "demo",
        reset: (seed) => {
          reset(seed);
          return { keys: store.keys.size };
        },
        notFound: (send) => send(404, errorEnvelope(404, NOT_FOUND)),
      });
    },
    internalError: (res, requestId) =>
      sendJson(res, 500, errorEnvelope(500, "An internal server error occurred."), requestId, JSON_UTF8),
  });

  return { url: listener.url, port: listener.port, store, faults, log, reset, close: listener.close };
}
