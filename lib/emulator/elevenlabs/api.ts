// The six service-accounts endpoints, and the route table with the endpoints keys are used for
// (usage-api.ts). Each takes already-authorised, already-validated input and answers as ElevenLabs does.
import { errorBody, notFound, type EmulatorError } from "./errors";
import { endpoint, type Endpoint, type Outcome, type WorkspaceContext } from "./endpoint";
import { parseCreateKey, parseCreateServiceAccount, parseUpdateKey } from "./bodies";
import { getUser, getVoice, listModels, listVoices, textToSpeech } from "./usage-api";
import { keyToWire, serviceAccountToWire } from "./wire";

export type { Caller, Endpoint, Outcome, WorkspaceContext } from "./endpoint";

const ok = (body: unknown): Outcome => ({ status: 200, body });
const fail = (error: EmulatorError, requestId: string): Outcome => ({
  status: error.status,
  body: errorBody(error, requestId),
  headers: error.headers,
});

function findAccount(ctx: WorkspaceContext, saId: string) {
  return ctx.store.serviceAccounts.get(saId);
}

function findKey(ctx: WorkspaceContext, saId: string, keyId: string) {
  const account = findAccount(ctx, saId);
  if (!account) return { error: fail(notFound("service_account", saId), ctx.requestId) } as const;
  const key = account.keys.get(keyId);
  if (!key) return { error: fail(notFound("api_key", keyId), ctx.requestId) } as const;
  return { account, key } as const;
}

const listServiceAccounts = endpoint({
  body: "none",
  handle: (ctx) =>
    ok({ "service-accounts": [...ctx.store.serviceAccounts.values()].map(serviceAccountToWire) }),
});

const createServiceAccount = endpoint({
  body: "required",
  parse: parseCreateServiceAccount,
  handle: (ctx, _params, body) => {
    if (ctx.store.serviceAccounts.size >= ctx.maxServiceAccounts) {
      return fail(
        {
          status: 400,
          code: "service_account_limit_reached",
          type: "invalid_request",
          message: `This workspace already has the maximum of ${ctx.maxServiceAccounts} service accounts.`,
        },
        ctx.requestId,
      );
    }
    // The emulated workspace has no groups, so any group named here does not exist.
    const group = body.defaultSharingGroups[0];
    if (group) return fail(notFound("group", group.groupId), ctx.requestId);
    const account = ctx.store.createServiceAccount(body.name);
    return ok({ "service-account-user-id": account.service_account_user_id });
  },
});

const listKeys = endpoint({
  body: "none",
  handle: (ctx, { saId }) => {
    const account = findAccount(ctx, saId!);
    if (!account) return fail(notFound("service_account", saId!), ctx.requestId);
    return ok({ "api-keys": [...account.keys.values()].map(keyToWire) });
  },
});

const createKey = endpoint({
  body: "required",
  parse: parseCreateKey,
  handle: (ctx, { saId }, body) => {
    const account = findAccount(ctx, saId!);
    if (!account) return fail(notFound("service_account", saId!), ctx.requestId);
    const { key, secret } = ctx.store.createKey(account, {
      name: body.name,
      permissions: body.permissions === "all" ? null : body.permissions,
      character_limit: body.characterLimit,
      allowed_ips: body.allowedIps,
      third_party_disable_allowed: body.thirdPartyDisableAllowed,
      concurrency_limits: body.concurrency,
    });
    return ok({ "xi-api-key": secret, key_id: key.key_id });
  },
});

const updateKey = endpoint({
  body: "optional",
  parse: parseUpdateKey,
  handle: (ctx, { saId, keyId }, body) => {
    const found = findKey(ctx, saId!, keyId!);
    if ("error" in found) return found.error!;
    const { key } = found;
    if (body.isEnabled !== undefined) {
      key.is_disabled = !body.isEnabled;
      key.disable_reason = null;
    }
    if (body.name !== undefined) key.name = body.name;
    if (body.permissions !== undefined)
      key.permissions = body.permissions === "all" ? null : body.permissions;
    if (body.characterLimit !== undefined) key.character_limit = body.characterLimit;
    if (body.allowedIps !== undefined) key.allowed_ips = body.allowedIps;
    if (body.thirdPartyDisableAllowed !== undefined)
      key.third_party_disable_allowed = body.thirdPartyDisableAllowed;
    for (const slot of ["tts", "dubbing", "music"] as const) {
      const value = body.concurrency[slot];
      if (value === null) delete key.concurrency_limits[slot];
      else if (value !== undefined) key.concurrency_limits[slot] = value;
    }
    return ok({ status: "ok" });
  },
});

const deleteKey = endpoint({
  body: "none",
  handle: (ctx, { saId, keyId }) => {
    const found = findKey(ctx, saId!, keyId!);
    if ("error" in found) return found.error!;
    ctx.store.deleteKey(found.account!, found.key!);
    return ok({ status: "ok" });
  },
});

export interface Route {
  /** Path segments; `:name` captures one segment. */
  segments: string[];
  methods: Record<string, Endpoint>;
}

export const ROUTES: Route[] = [
  { segments: ["v1", "service-accounts"], methods: { GET: listServiceAccounts, POST: createServiceAccount } },
  { segments: ["v1", "service-accounts", ":saId", "api-keys"], methods: { GET: listKeys, POST: createKey } },
  {
    segments: ["v1", "service-accounts", ":saId", "api-keys", ":keyId"],
    methods: { PATCH: updateKey, DELETE: deleteKey },
  },
  // The endpoints keys are used for (operations.ts, usage-api.ts).
  { segments: ["v1", "voices"], methods: { GET: listVoices } },
  { segments: ["v1", "voices", ":voiceId"], methods: { GET: getVoice } },
  { segments: ["v1", "models"], methods: { GET: listModels } },
  { segments: ["v1", "user"], methods: { GET: getUser } },
  { segments: ["v1", "text-to-speech", ":voiceId"], methods: { POST: textToSpeech } },
];

export function matchRoute(path: string): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split("/").slice(1);
  for (const route of ROUTES) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matched = route.segments.every((segment, i) => {
      const part = parts[i]!;
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = part;
        return part.length > 0;
      }
      return segment === part;
    });
    if (matched) return { route, params };
  }
  return undefined;
}
