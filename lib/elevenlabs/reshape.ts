// The upstream's list answers (JSON as ElevenLabs sends it) to Keydesk's domain types. The only
// place that knows the upstream's field names and its "null means unrestricted" convention.
//
// The SDK's generated client would check and convert each list through its runtime schema, then
// this would convert it again: at 10,000 keys that was most of a read's CPU and garbage. The list
// reads instead take the SDK's raw answer (client.ts) and are checked here, field by field, as
// strictly as the SDK's schema checks the fields Keydesk uses, in one pass that builds the domain
// objects directly. Anything of the wrong shape is a WireShapeError, which client.ts reports as
// an unreadable answer (UpstreamError "bad_response"), never a crash or a half-read list.
import "server-only";
import type { ApiKey, ServiceAccount } from "./types";
import { isPermission, type Permission } from "@/lib/permissions";

/** The answer does not have the shape ElevenLabs documents (the path says where, for the log). */
export class WireShapeError extends Error {
  override name = "WireShapeError";
}

type Wire = Record<string, unknown>;

function object(value: unknown, where: string): Wire {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new WireShapeError(`${where}: expected an object`);
  return value as Wire;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new WireShapeError(`${where}: expected a list`);
  return value;
}

function text(wire: Wire, field: string): string {
  const value = wire[field];
  if (typeof value !== "string") throw new WireShapeError(`${field}: expected text`);
  return value;
}

/** Absent and null are the same (the SDK reads both as "not set"). */
function optional<T>(wire: Wire, field: string, type: "number" | "boolean" | "string"): T | null {
  const value = wire[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== type) throw new WireShapeError(`${field}: expected ${type}`);
  return value as T;
}

function optionalTexts(wire: Wire, field: string): string[] | null {
  const value = wire[field];
  if (value === undefined || value === null) return null;
  const texts = list(value, field);
  for (const entry of texts)
    if (typeof entry !== "string") throw new WireShapeError(`${field}: expected text`);
  return texts as string[];
}

// A key's creation time never changes, and every read lists every key again: remember the ISO
// spelling of each time seen (bounded, so odd input cannot grow it without end).
const isoTimes = new Map<number, string>();
const ISO_TIMES_MAX = 50_000;

function isoFromUnix(seconds: number | null): string | null {
  if (seconds === null) return null;
  let iso = isoTimes.get(seconds);
  if (iso === undefined) {
    iso = new Date(seconds * 1000).toISOString();
    if (isoTimes.size >= ISO_TIMES_MAX) isoTimes.clear();
    isoTimes.set(seconds, iso);
  }
  return iso;
}

/** One key of a list answer (`WorkspaceApiKeyResponseModel` on the wire). */
export function readKey(value: unknown): ApiKey {
  const wire = object(value, "key");
  // A null or absent `permissions` is a key created with "all".
  const raw = optionalTexts(wire, "permissions");
  const known: Permission[] = [];
  const unknown: string[] = [];
  if (raw) for (const p of raw) (isPermission(p) ? known : unknown).push(p);
  return {
    id: text(wire, "key_id"),
    serviceAccountId: text(wire, "service_account_user_id"),
    name: text(wire, "name"),
    hint: text(wire, "hint"),
    hashedSecret: text(wire, "hashed_xi_api_key"),
    enabled: !(optional<boolean>(wire, "is_disabled", "boolean") ?? false),
    disableReason: optional<string>(wire, "disable_reason", "string"),
    permissions: raw === null ? "all" : known,
    unknownPermissions: unknown,
    characterLimit: optional<number>(wire, "character_limit", "number"),
    characterCount: optional<number>(wire, "character_count", "number"),
    allowedIps: optionalTexts(wire, "allowed_ips"),
    thirdPartyDisableAllowed: optional<boolean>(wire, "third_party_disable_allowed", "boolean"),
    createdAt: isoFromUnix(optional<number>(wire, "created_at_unix", "number")),
  };
}

function readServiceAccount(value: unknown): ServiceAccount {
  const wire = object(value, "service account");
  return {
    id: text(wire, "service_account_user_id"),
    name: text(wire, "name"),
    createdAt: isoFromUnix(optional<number>(wire, "created_at_unix", "number")),
    keys: list(wire["api-keys"], "api-keys").map(readKey),
  };
}

/** The answer of GET /v1/service-accounts: every service account with its keys. */
export function readServiceAccountList(body: unknown): ServiceAccount[] {
  return list(object(body, "answer")["service-accounts"], "service-accounts").map(readServiceAccount);
}

/** The answer of GET /v1/service-accounts/{id}/api-keys. */
export function readKeyList(body: unknown): ApiKey[] {
  return list(object(body, "answer")["api-keys"], "api-keys").map(readKey);
}
