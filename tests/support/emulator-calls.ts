// Shared bits of the emulator's contract tests: raw `fetch` against a running emulator, and the
// wire shapes API.md fixes (exact key sets, error bodies).
import { expect } from "vitest";
import { rawCall, type RawCallOptions, type Reply } from "@/lib/emulator/common/raw-call";
import { startEmulator, type Emulator, type EmulatorOptions } from "@/lib/emulator/elevenlabs/server";

export const ADMIN_KEY = "adm_test";

export function start(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ adminKeys: [ADMIN_KEY], seed: "empty", control: true, ...options });
}

export type { Reply };

export interface CallOptions extends RawCallOptions {
  /** The xi-api-key to send; the admin key unless given, none when null. */
  key?: string | null;
}

/** A raw call (lib/emulator/common/raw-call.ts) with the ElevenLabs admin key unless told otherwise. */
export function call(
  emulator: Emulator,
  method: string,
  path: string,
  { key = ADMIN_KEY, headers, ...options }: CallOptions = {},
): Promise<Reply> {
  return rawCall(emulator.url, method, path, {
    ...options,
    headers: { ...(key !== null ? { "xi-api-key": key } : {}), ...headers },
  });
}

/** Every field the emulator sends for a key: the five API.md §2 requires, and the optional ones as null or values. */
export const KEY_FIELDS = [
  "allowed_ips",
  "character_count",
  "character_limit",
  "created_at_unix",
  "disable_reason",
  "hashed_xi_api_key",
  "hint",
  "is_disabled",
  "key_id",
  "name",
  "permissions",
  "service_account_user_id",
  "third_party_disable_allowed",
];
export const REQUIRED_KEY_FIELDS = ["name", "hint", "key_id", "service_account_user_id", "hashed_xi_api_key"];
export const SERVICE_ACCOUNT_FIELDS = [
  "api-keys",
  "created_at_unix",
  "default_sharing_groups",
  "name",
  "service_account_user_id",
];

export const sorted = (o: object) => Object.keys(o).sort();

/** The superset error body of API.md §5/§9, with `request_id` equal to the x-request-id header. */
export function expectError(
  reply: Reply,
  status: number,
  code: string,
  type: string,
  message?: string | RegExp,
) {
  expect(reply.status).toBe(status);
  expect(sorted(reply.body)).toEqual(["detail"]);
  expect(sorted(reply.body.detail)).toEqual(["code", "message", "request_id", "status", "type"]);
  expect(reply.body.detail).toMatchObject({ status: code, code, type });
  expect(reply.body.detail.request_id).toBe(reply.headers.get("x-request-id"));
  if (typeof message === "string") expect(reply.body.detail.message).toBe(message);
  else if (message) expect(reply.body.detail.message).toMatch(message);
}

/** A FastAPI 422: `{"detail": [issues…]}` with exactly these issues' type and loc (in order). */
export function expect422(
  reply: Reply,
  issues: { type: string; loc: (string | number)[]; msg?: string | RegExp }[],
) {
  expect(reply.status).toBe(422);
  expect(sorted(reply.body)).toEqual(["detail"]);
  expect(Array.isArray(reply.body.detail)).toBe(true);
  expect(
    reply.body.detail.map((d: { type: string; loc: unknown[] }) => ({ type: d.type, loc: d.loc })),
  ).toEqual(issues.map(({ type, loc }) => ({ type, loc })));
  reply.body.detail.forEach((d: Record<string, unknown>, i: number) => {
    // FastAPI with pydantic v2: type, loc, msg, input (ctx only for some types); never a `url`.
    expect(Object.keys(d)).not.toContain("url");
    expect(["input", "loc", "msg", "type"].every((k) => k in d)).toBe(true);
    const msg = issues[i]!.msg;
    if (typeof msg === "string") expect(d.msg).toBe(msg);
    else if (msg) expect(d.msg).toMatch(msg);
  });
}

export async function createAccount(emulator: Emulator, name = "svc"): Promise<string> {
  const reply = await call(emulator, "POST", "/v1/service-accounts", { body: { name } });
  expect(reply.status).toBe(200);
  return reply.body["service-account-user-id"] as string;
}

export async function createKey(
  emulator: Emulator,
  saId: string,
  body: Record<string, unknown> = {},
): Promise<{ secret: string; keyId: string }> {
  const reply = await call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, {
    body: { name: "key", permissions: ["text_to_speech"], ...body },
  });
  expect(reply.status).toBe(200);
  return { secret: reply.body["xi-api-key"], keyId: reply.body.key_id };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw wire JSON, checked field by field by the tests
export async function listKeys(emulator: Emulator, saId: string): Promise<any[]> {
  const reply = await call(emulator, "GET", `/v1/service-accounts/${saId}/api-keys`);
  expect(reply.status).toBe(200);
  return reply.body["api-keys"];
}

export async function getKey(emulator: Emulator, saId: string, keyId: string) {
  const key = (await listKeys(emulator, saId)).find((k) => k.key_id === keyId);
  expect(key).toBeDefined();
  return key;
}
