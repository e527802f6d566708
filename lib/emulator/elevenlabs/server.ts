// The emulator's HTTP server: a stand-in for ElevenLabs' service-accounts API (and the ordinary
// endpoints keys are used for, usage-api.ts) on loopback, in the
// order a FastAPI app works a request: route, parse JSON, authenticate (a dependency), validate
// the body, run the endpoint. Test-only control routes live under /__emulator/ when enabled.
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault } from "../common/fault-responder";
import { actsAfter, FaultQueue } from "../common/faults";
import { decodePath, MAX_BODY_BYTES, readBody, sendJson } from "../common/http";
import { listen } from "../common/listen";
import { RequestLog, type LoggedRequest } from "../common/request-log";
import { matchRoute, ROUTES, type Caller, type Endpoint, type WorkspaceContext } from "./api";
import { authErrors, errorBody, missingPermission, type EmulatorError } from "./errors";
import { FAULT_STYLE } from "./faults";
import { parseBody } from "./http";
import { maskSecrets } from "./request-log";
import { applySeed, type Seed } from "./seed";
import { EmulatorStore } from "./store";
import { handleElevenLabsControl } from "./control";
import { allowlistAdmits } from "./ip-network";
import { permits } from "./operations";

export interface EmulatorOptions {
  /** The workspace admin keys that may manage service accounts. */
  adminKeys: string[];
  seed?: Seed;
  /** Enables the /__emulator/ control routes (tests only). */
  control?: boolean;
  /**
   * Takes the caller's address from the first X-Forwarded-For entry rather than the socket, so a
   * test can call from outside a key's allowlist (tests only). Defaults to `control`.
   */
  trustForwardedFor?: boolean;
  maxServiceAccounts?: number;
  host?: string;
  port?: number;
}

export interface Emulator {
  url: string;
  port: number;
  store: EmulatorStore;
  faults: FaultQueue;
  log: RequestLog;
  reset(seed: Seed): void;
  close(): Promise<void>;
}

const DEFAULT_MAX_SERVICE_ACCOUNTS = 20;

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const store = new EmulatorStore();
  const faults = new FaultQueue();
  const log = new RequestLog(maskSecrets);
  const maxServiceAccounts = options.maxServiceAccounts ?? DEFAULT_MAX_SERVICE_ACCOUNTS;
  const trustForwardedFor = options.trustForwardedFor ?? options.control ?? false;
  const adminKeys = new Set(options.adminKeys.filter((k) => k.length > 0));
  if (adminKeys.size === 0) throw new Error("The emulator needs at least one admin key.");
  applySeed(store, options.seed ?? "demo");

  const reset = (seed: Seed) => {
    applySeed(store, seed);
    faults.clear();
    log.clear();
  };

  function clientIp(req: IncomingMessage): string {
    // Tests may speak for another address; a real deployment's emulator never trusts the header.
    const forwarded = trustForwardedFor
      ? String(req.headers["x-forwarded-for"] ?? "")
          .split(",")[0]!
          .trim()
      : "";
    const ip = forwarded || req.socket.remoteAddress || "";
    return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
  }

  /**
   * The auth ladder (API.md §8): no key, unknown or disabled key, IP outside the key's allowlist,
   * a key without the endpoint's permission. The admin keys pass everything; a service account's
   * key passes only the ordinary operations its permissions allow (operations.ts).
   */
  function authenticate(
    req: IncomingMessage,
    endpoint: Endpoint,
  ): { error: EmulatorError } | { caller: Caller } {
    const key = req.headers["xi-api-key"];
    const presented = Array.isArray(key) ? key[0] : key;
    if (!presented) return { error: req.headers.authorization ? authErrors.invalid : authErrors.missing };
    if (adminKeys.has(presented)) return { caller: { kind: "admin" } };
    const record = store.findKeyBySecret(presented);
    if (!record || record.is_disabled) return { error: authErrors.invalid };
    const ip = clientIp(req);
    if (!allowlistAdmits(record.allowed_ips, ip)) return { error: authErrors.ipNotAllowed(ip) };
    if (!endpoint.operation) return { error: authErrors.missingPermissions };
    if (!permits(record.permissions, endpoint.operation))
      return { error: missingPermission(endpoint.operation.permission) };
    return { caller: { kind: "key", key: record } };
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    requestId: string,
  ): Promise<void> {
    const method = req.method ?? "GET";
    const headOnly = method === "HEAD";
    const entry: LoggedRequest = {
      at: new Date().toISOString(),
      requestId,
      method,
      path,
      body: null,
      status: null,
      fault: null,
    };
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      sendJson(res, status, body, requestId, headers, headOnly);
    };
    const fail = (error: EmulatorError) => respond(error.status, errorBody(error, requestId), error.headers);

    const read = await readBody(req);
    if (!read.ok) {
      log.add({ ...entry, status: 413 });
      sendJson(
        res,
        413,
        errorBody(
          {
            code: "payload_too_large",
            type: "invalid_request",
            message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
          },
          requestId,
        ),
        requestId,
        { connection: "close" },
      );
      return;
    }
    const parsed = parseBody(req.headers["content-type"], read.bytes);
    // Mask before cutting: a secret cut in two by the 2,000-character limit would escape the mask.
    entry.body =
      parsed.kind === "value"
        ? parsed.value
        : parsed.kind === "none"
          ? null
          : (maskSecrets(read.bytes.toString("utf8")) as string).slice(0, 2000);
    log.add(entry);

    const fault = faults.take(method, path);
    if (fault) entry.fault = fault.kind;
    if (fault && !actsAfter(fault) && (await applyFault(fault, res, requestId, entry, FAULT_STYLE, hold)))
      return;

    const match = matchRoute(path);
    if (!match) {
      const alternative = path.endsWith("/") ? path.replace(/\/+$/, "") : null;
      if (alternative && matchRoute(alternative)) {
        entry.status = 307;
        res.writeHead(307, { location: alternative, "content-length": "0", "x-request-id": requestId });
        res.end();
        return;
      }
      respond(404, { detail: "Not Found" });
      return;
    }
    const endpoint = match.route.methods[method === "HEAD" ? "GET" : method];
    if (!endpoint) {
      const allowed = Object.keys(match.route.methods).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));
      respond(405, { detail: "Method Not Allowed" }, { allow: allowed.join(", ") });
      return;
    }

    let raw: unknown = undefined;
    if (endpoint.body !== "none") {
      if (parsed.kind === "invalid-json") return respond(422, { detail: [parsed.issue] });
      if (parsed.kind === "undecodable")
        return respond(400, { detail: "There was an error parsing the body" });
      raw = parsed.kind === "value" ? parsed.value : undefined;
    }

    const auth = authenticate(req, endpoint);
    if ("error" in auth) return fail(auth.error);

    let body: unknown = undefined;
    if (endpoint.parse) {
      if (endpoint.body === "required" && (raw === undefined || raw === null)) {
        return respond(422, {
          detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }],
        });
      }
      const result = endpoint.parse(raw);
      if (!result.ok) return respond(422, { detail: result.issues });
      body = result.value;
    }

    const ctx: WorkspaceContext = { store, maxServiceAccounts, requestId, caller: auth.caller };
    const outcome = endpoint.handle(ctx, match.params, body);
    if (fault && actsAfter(fault)) {
      await applyFault(fault, res, requestId, entry, FAULT_STYLE, hold);
      return;
    }
    if (outcome.raw) {
      entry.status = outcome.status;
      res.writeHead(outcome.status, {
        "content-type": outcome.raw.contentType,
        "content-length": String(outcome.raw.bytes.length),
        "x-request-id": requestId,
        ...outcome.headers,
      });
      res.end(outcome.raw.bytes);
      return;
    }
    respond(outcome.status, outcome.body, outcome.headers);
  }

  const listener = await listen({
    host: options.host,
    port: options.port,
    handle: (req, res, requestId) => {
      const path = decodePath((req.url ?? "/").split("?")[0]!);
      return path.startsWith("/__emulator/") && options.control
        ? handleElevenLabsControl(req, res, path, requestId, { store, faults, log, reset })
        : handleApi(req, res, path, requestId);
    },
    internalError: (res, requestId) =>
      sendJson(
        res,
        500,
        errorBody(
          { code: "internal_error", type: "internal_error", message: "An internal error occurred." },
          requestId,
        ),
        requestId,
      ),
  });
  const hold = listener.hold;

  return { url: listener.url, port: listener.port, store, faults, log, reset, close: listener.close };
}

export { ROUTES };
