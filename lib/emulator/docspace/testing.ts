// Shared bits of the DocSpace emulator's contract tests: a started emulator and raw calls with a
// Bearer token (the admin's unless told).
import { expect } from "vitest";
import { rawCall, type Reply } from "../common/raw-call";
import { startDocspaceEmulator, type DocspaceEmulator, type DocspaceEmulatorOptions } from "./server";

export const ADMIN_TOKEN = "docspace_admin_test";
export const KEYS = "/api/2.0/keys";

export function start(options: Partial<DocspaceEmulatorOptions> = {}): Promise<DocspaceEmulator> {
  return startDocspaceEmulator({ adminKeys: [ADMIN_TOKEN], seed: "empty", control: true, ...options });
}

export interface DocspaceCall {
  body?: unknown;
  /** The Bearer token; the admin's unless given, none when null. */
  token?: string | null;
  headers?: Record<string, string>;
}

export function call(
  emulator: DocspaceEmulator,
  method: string,
  path: string,
  options: DocspaceCall = {},
): Promise<Reply> {
  const token = options.token === undefined ? ADMIN_TOKEN : options.token;
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  return rawCall(emulator.url, method, path, {
    body: options.body,
    headers: { ...headers, ...options.headers },
  });
}

/** Creates a key through the API and returns the create answer's key object (with its secret). */
export async function createKey(emulator: DocspaceEmulator, body: Record<string, unknown> = {}) {
  const reply = await call(emulator, "POST", KEYS, { body: { name: "test key", ...body } });
  if (reply.status !== 200) throw new Error(`create failed: ${reply.status} ${reply.text}`);
  return reply.body.response as { id: string; key: string; [field: string]: unknown };
}

export async function listKeys(emulator: DocspaceEmulator, token?: string) {
  const reply = await call(emulator, "GET", KEYS, { token });
  return reply.body.response as { id: string; [field: string]: unknown }[];
}

/** The reply is DocSpace's error envelope with this status (and message, when given). */
export function expectError(reply: Reply, status: number, message?: string): void {
  expect({ status: reply.status, body: reply.body }).toEqual({
    status,
    body: { status: 1, statusCode: status, error: { message: message ?? expect.any(String) } },
  });
}

/** A clock the tests move by hand, to make keys expire without waiting. */
export function manualClock(start = Date.UTC(2026, 2, 1, 9, 30)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}
