// The Voiceable emulator's HTTP server: a stand-in for Voiceable's API-key endpoints under
// /api/v1 on loopback, in the order a Rails controller works a request: route (404), the
// authentication filter (401), public keys refused (403), the record (404), the `api_key` wrapper
// (400), the fields (422). Besides the key endpoints it starts calls (calls.ts), the ordinary
// endpoint a key is used for, under the key's own limits. Test-only control routes live under
// /__emulator/ when enabled.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { handleControl } from "../common/control";
import { applyFault } from "../common/fault-responder";
import { FaultQueue } from "../common/faults";
import { decodePath, isJsonMediaType, JSON_UTF8, sendJson } from "../common/http";
import { takeIn, type JsonBody } from "../common/intake";
import { listen } from "../common/listen";
import { RequestLog } from "../common/request-log";
import { assistantRefusal, CALLS, checkCall, originRefusal } from "./calls";
import { FAULT_STYLE, maskSecrets } from "./faults";
import { route } from "./routes";
import { applySeed, type Seed } from "./seed";
import { VoiceableStore, type VoiceableKey } from "./store";
import { checkCreate, checkUpdate, requireWrapper } from "./validate";
import { errorBody, keyToWire, success } from "./wire";

export interface VoiceableEmulatorOptions {
  /** The account owner's private keys (X-API-Key or Bearer). */
  adminKeys: string[];
  seed?: Seed;
  /** Enables the /__emulator/ control routes (tests only). */
  control?: boolean;
  host?: string;
  port?: number;
  /** The clock (epoch ms). */
  now?: () => number;
}

export interface VoiceableEmulator {
  url: string;
  port: number;
  store: VoiceableStore;
  faults: FaultQueue;
  log: RequestLog;
  reset(seed: Seed): void;
  close(): Promise<void>;
}

export const AUTH_REQUIRED = "Authentication required.";
export const PUBLIC_FORBIDDEN = "Public API keys cannot manage API keys.";
export const KEY_NOT_FOUND = "API key not found";

export async function startVoiceableEmulator(options: VoiceableEmulatorOptions): Promise<VoiceableEmulator> {
  const store = new VoiceableStore();
  const faults = new FaultQueue();
  const log = new RequestLog(maskSecrets);
  const now = options.now ?? Date.now;
  const ownerKeys = new Set(options.adminKeys.filter((k) => k.length > 0));
  if (ownerKeys.size === 0) throw new Error("The emulator needs at least one admin key.");
  applySeed(store, options.seed ?? "demo", now());

  const reset = (seed: Seed) => {
    applySeed(store, seed, now());
    faults.clear();
    log.clear();
  };

  /** The presented key: `{key: null}` for the owner's admin key, null when none or unknown. */
  function presentedKey(req: IncomingMessage): { key: VoiceableKey | null } | null {
    const header = req.headers["x-api-key"];
    const apiKey = Array.isArray(header) ? header[0] : header;
    const bearer = /^Bearer +(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
    const presented = apiKey !== undefined ? apiKey : bearer;
    if (!presented) return null;
    if (ownerKeys.has(presented)) return { key: null };
    const key = store.findBySecret(presented);
    return key ? { key } : null;
  }

  /** "owner" for the owner's key or a private key, "public" for a public key, null when unknown. */
  function authenticate(req: IncomingMessage): "owner" | "public" | null {
    const presented = presentedKey(req);
    if (!presented) return null;
    return presented.key?.keyType === "public" ? "public" : "owner";
  }

  /** `POST /calls`: auth 401, the key's origins 403, the body 400/422, its assistants 403, 201. */
  function startCall(req: IncomingMessage, json: JsonBody): { status: number; body: unknown } {
    const refuse = (status: number, message: string, errors?: string[]) => ({
      status,
      body: errorBody(status, message, errors),
    });
    const presented = presentedKey(req);
    if (!presented) return refuse(401, AUTH_REQUIRED);
    const header = req.headers.origin;
    const origin = (Array.isArray(header) ? header[0] : header) ?? null;
    const badOrigin = originRefusal(presented.key, origin);
    if (badOrigin) return refuse(403, badOrigin);
    const value = isJsonMediaType(req.headers["content-type"]) && json.kind === "value" ? json.value : null;
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return refuse(400, "Bad Request", ["The request body must be a JSON object."]);
    const checked = checkCall(value as Record<string, unknown>);
    if (!checked.ok) return refuse(422, "Validation failed", checked.errors);
    const badAssistant = assistantRefusal(presented.key, checked.value);
    if (badAssistant) return refuse(403, badAssistant);
    store.callsStarted += 1;
    const data = {
      id: `call_${store.callsStarted}`,
      assistant_id: "assistantId" in checked.value ? checked.value.assistantId : null,
      transient: "inline" in checked.value,
      status: "queued",
      created_at: new Date(now()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    };
    return { status: 201, body: success(201, "Call created successfully", data) };
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, requestId: string) {
    const method = req.method ?? "GET";
    const taken = await takeIn(req, res, path, requestId, {
      log,
      faults,
      mask: maskSecrets,
      style: FAULT_STYLE,
      hold: listener.hold,
      tooLarge: { body: errorBody(413, "Payload Too Large"), headers: JSON_UTF8 },
    });
    if (!taken) return;
    const { entry, json } = taken;
    const send = (status: number, body: unknown) => {
      entry.status = status;
      sendJson(res, status, body, requestId, JSON_UTF8, method === "HEAD");
    };
    const fail = (status: number, message: string, errors?: string[]) =>
      send(status, errorBody(status, message, errors));

    const trimmed = path.length > 1 ? path.replace(/\/$/, "") : path;
    if (trimmed === CALLS && method === "POST") {
      const answer = startCall(req, json);
      if (taken.after && answer.status === 201)
        await applyFault(taken.after, res, requestId, entry, FAULT_STYLE, listener.hold);
      else send(answer.status, answer.body);
      return;
    }
    const matched = route(method, path);
    if (!matched) return fail(404, "Not Found", [`No route matches [${method}] "${path}"`]);
    const caller = authenticate(req);
    if (!caller) return fail(401, AUTH_REQUIRED);
    if (caller === "public") return fail(403, PUBLIC_FORBIDDEN);

    let key: VoiceableKey | undefined;
    if (matched.id !== null) {
      key = /^\d+$/.test(matched.id) ? store.keys.get(Number(matched.id)) : undefined;
      if (!key) return fail(404, KEY_NOT_FOUND);
    }

    let fields: Record<string, unknown> = {};
    if (matched.action === "create" || matched.action === "update") {
      // Rails parses a JSON body only when it is sent as JSON; otherwise there is no api_key.
      const sentAsJson = isJsonMediaType(req.headers["content-type"]);
      if (sentAsJson && json.kind === "invalid")
        return fail(400, "Bad Request", ["The request body is not valid JSON."]);
      const wrapper = requireWrapper(sentAsJson && json.kind === "value" ? json.value : undefined);
      if (!wrapper.ok) return fail(400, "Bad Request", wrapper.errors);
      fields = wrapper.value;
    }

    const at = now();
    let status = 200;
    let answer: unknown;
    switch (matched.action) {
      case "index":
        answer = success(
          200,
          "Success",
          [...store.keys.values()].map((k) => keyToWire(k)),
        );
        break;
      case "show":
        answer = success(200, "Success", keyToWire(key!));
        break;
      case "create": {
        const checked = checkCreate(fields);
        if (!checked.ok) return fail(checked.status, "Validation failed", checked.errors);
        const created = store.create(checked.value, at);
        status = 201;
        answer = success(201, "API key created successfully", keyToWire(created.key, created.secret));
        break;
      }
      case "update": {
        const checked = checkUpdate(fields);
        if (!checked.ok) return fail(checked.status, "Validation failed", checked.errors);
        const before = JSON.stringify(keyToWire(key!));
        Object.assign(key!, checked.value);
        if (JSON.stringify(keyToWire(key!)) !== before) key!.updatedAt = at;
        answer = success(200, "API key updated successfully", keyToWire(key!));
        break;
      }
      case "destroy":
        store.delete(key!.id);
        answer = success(200, "API key deleted successfully");
        break;
    }

    if (taken.after) {
      await applyFault(taken.after, res, requestId, entry, FAULT_STYLE, listener.hold);
      return;
    }
    send(status, answer);
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
        notFound: (send) =>
          send(404, errorBody(404, "Not Found", [`No route matches [${req.method ?? "GET"}] "${path}"`])),
      });
    },
    internalError: (res, requestId) =>
      sendJson(res, 500, errorBody(500, "Internal server error"), requestId, JSON_UTF8),
  });

  return { url: listener.url, port: listener.port, store, faults, log, reset, close: listener.close };
}
