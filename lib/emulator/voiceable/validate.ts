// The `api_key` wrapper and its fields, checked as a Rails controller and model would: the wrapper
// first (400), then every field, each problem one full message starting with the field's name
// (422, all listed). Fields the contract does not name are ignored (unpermitted parameters).
import { isOrigin } from "./origins";
import type { KeyType, NewKey } from "./store";

export const PARAM_MISSING = "param is missing or the value is empty: api_key";

export type Checked<T> = { ok: true; value: T } | { ok: false; status: 400 | 422; errors: string[] };

export type Change = Partial<Omit<NewKey, "keyType">>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The `api_key` object, or the 400 for its absence (Rails' `params.require(:api_key)`). */
export function requireWrapper(body: unknown): Checked<Record<string, unknown>> {
  if (!isObject(body) || !isObject(body.api_key) || Object.keys(body.api_key).length === 0)
    return { ok: false, status: 400, errors: [PARAM_MISSING] };
  return { ok: true, value: body.api_key };
}

function checkName(value: unknown, errors: string[]): string | undefined {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    errors.push("Name can't be blank");
    return undefined;
  }
  if (typeof value !== "string") errors.push("Name must be a string");
  else if (value.length > 255) errors.push("Name is too long (maximum is 255 characters)");
  else return value;
  return undefined;
}

const show = (entry: unknown): string =>
  typeof entry === "string" && entry !== "" ? entry : JSON.stringify(entry);

/** A list of strings that each pass `valid`, de-duplicated, order kept; `null` is `[]`. */
function checkList(
  value: unknown,
  label: string,
  what: string,
  valid: (entry: unknown) => boolean,
  errors: string[],
): string[] | undefined {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(`${label} must be an array`);
    return undefined;
  }
  const bad = value.filter((entry) => !valid(entry));
  for (const entry of bad) errors.push(`${label} contains an invalid ${what}: ${show(entry)}`);
  return bad.length === 0 ? [...new Set(value as string[])] : undefined;
}

function checkTransient(value: unknown, errors: string[]): boolean | undefined {
  if (typeof value === "boolean") return value;
  errors.push("Transient assistant must be true or false");
  return undefined;
}

const isAssistantId = (entry: unknown) => typeof entry === "string" && entry.length > 0;

/** The fields both create and update take, when present. */
function checkShared(fields: Record<string, unknown>, errors: string[]): Change {
  const change: Change = {};
  if ("allowed_origins" in fields) {
    const origins = checkList(fields.allowed_origins, "Allowed origins", "origin", isOrigin, errors);
    if (origins) change.allowedOrigins = origins;
  }
  if ("allowed_assistants" in fields) {
    const ids = checkList(
      fields.allowed_assistants,
      "Allowed assistants",
      "assistant id",
      isAssistantId,
      errors,
    );
    if (ids) change.allowedAssistants = ids;
  }
  if ("transient_assistant" in fields) {
    const transient = checkTransient(fields.transient_assistant, errors);
    if (transient !== undefined) change.transientAssistant = transient;
  }
  return change;
}

export function checkCreate(fields: Record<string, unknown>): Checked<NewKey> {
  const errors: string[] = [];
  const name = checkName(fields.name, errors);
  let keyType: KeyType | undefined;
  if (fields.key_type === undefined || fields.key_type === null || fields.key_type === "")
    errors.push("Key type can't be blank");
  else if (fields.key_type !== "private" && fields.key_type !== "public")
    errors.push("Key type is not included in the list");
  else keyType = fields.key_type;
  const shared = checkShared(fields, errors);
  if (errors.length > 0) return { ok: false, status: 422, errors };
  return {
    ok: true,
    value: {
      name: name!,
      keyType: keyType!,
      allowedOrigins: shared.allowedOrigins ?? [],
      allowedAssistants: shared.allowedAssistants ?? [],
      transientAssistant: shared.transientAssistant ?? false,
    },
  };
}

export function checkUpdate(fields: Record<string, unknown>): Checked<Change> {
  const errors: string[] = [];
  const change: Change = {};
  if ("name" in fields) {
    const name = checkName(fields.name, errors);
    if (name !== undefined) change.name = name;
  }
  Object.assign(change, checkShared(fields, errors));
  if (errors.length > 0) return { ok: false, status: 422, errors };
  return { ok: true, value: change };
}
