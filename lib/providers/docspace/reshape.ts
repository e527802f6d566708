// DocSpace's answers (camelCase JSON in its `{"response": …}` envelope) to Keydesk's provider-neutral
// key. The only place that knows DocSpace's field names and its "[] means unrestricted"
// convention. Anything of the wrong shape is a ShapeError (reported as `bad_response`).
import "server-only";
import { ShapeError } from "../http";
import { DOCSPACE_SCOPES, type DocspaceScope, type ProviderKey } from "../types";

type Wire = Record<string, unknown>;

function object(value: unknown, where: string): Wire {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ShapeError(`${where}: expected an object`);
  return value as Wire;
}

function text(wire: Wire, field: string): string {
  const value = wire[field];
  if (typeof value !== "string") throw new ShapeError(`${field}: expected text`);
  return value;
}

/** DocSpace writes dates as ISO strings; its SDK models them as `{utcTime, timeZoneOffset}`: both read. */
function date(wire: Wire, field: string, required: boolean): string | null {
  let value = wire[field];
  if (value === undefined || value === null) {
    if (required) throw new ShapeError(`${field}: expected a date`);
    return null;
  }
  if (typeof value === "object" && !Array.isArray(value)) value = (value as Wire).utcTime;
  if (typeof value !== "string") throw new ShapeError(`${field}: expected a date`);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ShapeError(`${field}: expected a date`);
  return new Date(ms).toISOString();
}

const isScope = (value: string): value is DocspaceScope =>
  (DOCSPACE_SCOPES as readonly string[]).includes(value);

/** The envelope's payload. */
export function payload(body: unknown): unknown {
  const envelope = object(body, "answer");
  if (!("response" in envelope)) throw new ShapeError("answer: no response");
  return envelope.response;
}

export function readKey(value: unknown): ProviderKey {
  const wire = object(value, "key");
  const raw = wire.permissions;
  if (!Array.isArray(raw) || raw.some((p) => typeof p !== "string"))
    throw new ShapeError("permissions: expected a list of text");
  const scopes: DocspaceScope[] = [];
  const unknown: string[] = [];
  for (const p of raw as string[]) (isScope(p) ? scopes : unknown).push(p as never);
  const unrestricted = raw.length === 0 || scopes.includes("*");
  const active = wire.isActive;
  if (typeof active !== "boolean") throw new ShapeError("isActive: expected a boolean");
  const createBy = wire.createBy;
  const owner =
    createBy === undefined || createBy === null ? null : (object(createBy, "createBy").displayName ?? null);
  if (owner !== null && typeof owner !== "string")
    throw new ShapeError("createBy.displayName: expected text");
  return {
    id: text(wire, "id"),
    name: text(wire, "name"),
    group: null,
    owner,
    hint: text(wire, "keyPostfix"),
    secretHash: null,
    enabled: active,
    disableReason: null,
    createdAt: date(wire, "createOn", true),
    lastUsedAt: date(wire, "lastUsed", false),
    expiresAt: date(wire, "expiresAt", false),
    permissions: { kind: "scopes", value: unrestricted ? "all" : scopes, unknown },
    restrictions: {},
  };
}

export function readKeyList(body: unknown): ProviderKey[] {
  const list = payload(body);
  if (!Array.isArray(list)) throw new ShapeError("response: expected a list");
  return list.map(readKey);
}

/** Create's answer: the key, and its secret (the only time DocSpace sends it). */
export function readCreated(body: unknown): { key: ProviderKey; secret: string } {
  const wire = object(payload(body), "response");
  const secret = wire.key;
  if (typeof secret !== "string" || secret.length === 0) throw new ShapeError("key: expected the secret");
  return { key: readKey(wire), secret };
}

/** Update and delete answer `true` (done) or `false` (an expired key: nothing changed). */
export function readDone(body: unknown): boolean {
  const done = payload(body);
  if (typeof done !== "boolean") throw new ShapeError("response: expected a boolean");
  return done;
}
