// Shared bits of the Voiceable emulator's contract tests: a started emulator and raw calls with an
// X-API-Key (the owner's admin key unless told).
import { expect } from "vitest";
import { rawCall, type Reply } from "../common/raw-call";
import { startVoiceableEmulator, type VoiceableEmulator, type VoiceableEmulatorOptions } from "./server";

export const OWNER_KEY = "voiceable_owner_test";
export const KEYS = "/api/v1/api_keys";

export function start(options: Partial<VoiceableEmulatorOptions> = {}): Promise<VoiceableEmulator> {
  return startVoiceableEmulator({ adminKeys: [OWNER_KEY], seed: "empty", control: true, ...options });
}

export interface VoiceableCall {
  body?: unknown;
  /** The X-API-Key; the owner's unless given, none when null. */
  apiKey?: string | null;
  headers?: Record<string, string>;
}

export function call(
  emulator: VoiceableEmulator,
  method: string,
  path: string,
  options: VoiceableCall = {},
): Promise<Reply> {
  const apiKey = options.apiKey === undefined ? OWNER_KEY : options.apiKey;
  const headers: Record<string, string> = apiKey === null ? {} : { "x-api-key": apiKey };
  return rawCall(emulator.url, method, path, {
    body: options.body,
    headers: { ...headers, ...options.headers },
  });
}

export type WireKey = {
  id: number;
  key_type: string;
  name: string;
  key_value: string | null;
  allowed_origins: string[];
  allowed_assistants: string[];
  transient_assistant: boolean;
  user_id: number;
  user_email: string;
  created_at: string;
  updated_at: string;
};

/** Creates a key through the API (a private one unless told) and answers its `data`. */
export async function createKey(
  emulator: VoiceableEmulator,
  fields: Record<string, unknown> = {},
): Promise<WireKey> {
  const reply = await call(emulator, "POST", KEYS, {
    body: { api_key: { name: "test key", key_type: "private", ...fields } },
  });
  if (reply.status !== 201) throw new Error(`create failed: ${reply.status} ${reply.text}`);
  return reply.body.data as WireKey;
}

export async function listKeys(emulator: VoiceableEmulator): Promise<WireKey[]> {
  return (await call(emulator, "GET", KEYS)).body.data as WireKey[];
}

/** The reply is Voiceable's error envelope with this status, message and (when given) errors. */
export function expectError(reply: Reply, status: number, message: string, errors?: string[]): void {
  expect({ status: reply.status, body: reply.body }).toEqual({
    status,
    body: {
      status: { code: status, message },
      error: expect.any(String),
      errors: errors ?? expect.arrayContaining([expect.any(String)]),
      details: null,
    },
  });
}

/** A clock the tests move by hand. */
export function manualClock(start = Date.UTC(2026, 2, 1, 9, 30)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}
