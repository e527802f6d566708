// The create and update bodies, checked as DocSpace checks them: one 400 message for the first
// problem (the server throws at the first bad field), fields in the order name, permissions,
// expiresInDays (create) or isActive (update). Unknown fields are ignored.
import { isScope, type Scope } from "./scopes";

export const MESSAGES = {
  body: "The request body must be a JSON object.",
  name: "Name is not valid. It must be 1 to 30 characters and not blank.",
  permissions: "Permissions are not valid.",
  expiresInDays: "ExpiresInDays is not valid. It must be a whole number of days from 1 to 365.",
  isActive: "IsActive is not valid. It must be true or false.",
} as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export interface CreateBody {
  name: string;
  permissions: Scope[];
  expiresInDays: number | null;
}

export interface UpdateBody {
  name?: string;
  permissions?: Scope[];
  isActive?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const validName = (value: unknown): value is string =>
  typeof value === "string" && value.trim().length > 0 && value.length <= 30;

/** A non-empty list of known scopes; `*` anywhere makes it unrestricted (`[]`); duplicates dropped. */
function scopes(value: unknown): Scope[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isScope)) return undefined;
  const unique = [...new Set(value)];
  return unique.includes("*") ? [] : unique;
}

export function checkCreate(body: unknown): Checked<CreateBody> {
  if (!isObject(body)) return { ok: false, message: MESSAGES.body };
  if (!validName(body.name)) return { ok: false, message: MESSAGES.name };
  let permissions: Scope[] = [];
  if (body.permissions !== undefined && body.permissions !== null) {
    const checked = scopes(body.permissions);
    if (!checked) return { ok: false, message: MESSAGES.permissions };
    permissions = checked;
  }
  const days = body.expiresInDays;
  if (
    days !== undefined &&
    days !== null &&
    !(Number.isInteger(days) && (days as number) >= 1 && (days as number) <= 365)
  )
    return { ok: false, message: MESSAGES.expiresInDays };
  return {
    ok: true,
    value: { name: body.name, permissions, expiresInDays: (days as number | undefined) ?? null },
  };
}

export function checkUpdate(body: unknown): Checked<UpdateBody> {
  if (!isObject(body)) return { ok: false, message: MESSAGES.body };
  const update: UpdateBody = {};
  if (body.name !== undefined && body.name !== null) {
    if (!validName(body.name)) return { ok: false, message: MESSAGES.name };
    update.name = body.name;
  }
  if (body.permissions !== undefined && body.permissions !== null) {
    const checked = scopes(body.permissions);
    if (!checked) return { ok: false, message: MESSAGES.permissions };
    update.permissions = checked;
  }
  if (body.isActive !== undefined && body.isActive !== null) {
    if (typeof body.isActive !== "boolean") return { ok: false, message: MESSAGES.isActive };
    update.isActive = body.isActive;
  }
  return { ok: true, value: update };
}
