// Voiceable's answers (snake_case JSON in its `{"status", "data"}` envelope) to Keydesk's
// provider-neutral key. A `key_value` outside create's answer is dropped here, unread, so a
// secret a list might carry is never kept. Anything of the wrong shape is a ShapeError.
import "server-only";
import { ShapeError } from "../http";
import { VOICEABLE_KEY_TYPES, type ProviderKey, type VoiceableKeyType } from "../types";

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

function texts(wire: Wire, field: string): string[] {
  const value = wire[field];
  // The contract says `null` = `[]` on input; read it the same way on output.
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw new ShapeError(`${field}: expected a list of text`);
  return [...(value as string[])];
}

function date(wire: Wire, field: string): string {
  const value = text(wire, field);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ShapeError(`${field}: expected a date`);
  return new Date(ms).toISOString();
}

export function payload(body: unknown): unknown {
  const envelope = object(body, "answer");
  if (!("data" in envelope)) throw new ShapeError("answer: no data");
  return envelope.data;
}

export function readKey(value: unknown): ProviderKey {
  const wire = object(value, "key");
  const id = wire.id;
  if (typeof id !== "number" || !Number.isSafeInteger(id)) throw new ShapeError("id: expected an integer");
  const type = wire.key_type;
  if (!(VOICEABLE_KEY_TYPES as readonly unknown[]).includes(type)) throw new ShapeError("key_type: unknown");
  const transient = wire.transient_assistant;
  if (typeof transient !== "boolean") throw new ShapeError("transient_assistant: expected a boolean");
  return {
    id: String(id),
    name: text(wire, "name"),
    group: null,
    owner: text(wire, "user_email"),
    hint: null,
    secretHash: null,
    enabled: null,
    disableReason: null,
    createdAt: date(wire, "created_at"),
    lastUsedAt: null,
    expiresAt: null,
    permissions: { kind: "key_type", value: type as VoiceableKeyType },
    restrictions: {
      allowedOrigins: texts(wire, "allowed_origins"),
      assistants: { allowed: texts(wire, "allowed_assistants"), transient },
    },
  };
}

export function readKeyList(body: unknown): ProviderKey[] {
  const list = payload(body);
  if (!Array.isArray(list)) throw new ShapeError("data: expected a list");
  return list.map(readKey);
}

export const readOne = (body: unknown): ProviderKey => readKey(payload(body));

/** Create's answer: the key and its secret, sent this once. */
export function readCreated(body: unknown): { key: ProviderKey; secret: string } {
  const wire = object(payload(body), "data");
  const secret = wire.key_value;
  if (typeof secret !== "string" || secret.length === 0)
    throw new ShapeError("key_value: expected the secret");
  return { key: readKey(wire), secret };
}

/** Delete answers the status envelope alone. */
export function readDeleted(body: unknown): void {
  const status = object(object(body, "answer").status, "status");
  if (typeof status.code !== "number") throw new ShapeError("status.code: expected a number");
}
