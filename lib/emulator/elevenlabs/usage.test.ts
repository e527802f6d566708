// The endpoints keys are used for, past the auth ladder (usage-auth.test.ts): their shapes, unknown
// voices and models, the 422 of a bad text-to-speech body, and a key's monthly credit limit, which
// text to speech counts against and the key list shows. Over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { SILENT_MP3 } from "./catalogue";
import {
  call,
  createAccount,
  createKey,
  expect422,
  expectError,
  getKey,
  start,
} from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const VOICE = "21m00Tcm4TlvDq8ikWAM";
const TTS = `/v1/text-to-speech/${VOICE}`;

async function ttsKey(body: Record<string, unknown> = {}) {
  const saId = await createAccount(emulator);
  const key = await createKey(emulator, saId, { name: "narrator", permissions: ["text_to_speech"], ...body });
  return { saId, ...key };
}

const speak = (secret: string, body: unknown, path = TTS) =>
  call(emulator, "POST", path, { key: secret, body });

describe("voices, models and user", () => {
  it("GET /v1/voices is {voices: [...]} of premade voices with every field ElevenLabs sends", async () => {
    const reply = await call(emulator, "GET", "/v1/voices");
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(["voices"]);
    expect(reply.body.voices.length).toBeGreaterThan(1);
    for (const voice of reply.body.voices) {
      expect(voice).toMatchObject({ category: "premade", samples: null, settings: null, sharing: null });
      expect(voice.voice_id).toMatch(/^[A-Za-z0-9]{20}$/);
    }
  });

  it("GET /v1/voices/{id} is the voice; an unknown id is 404 voice_not_found", async () => {
    const list = (await call(emulator, "GET", "/v1/voices")).body.voices;
    const one = await call(emulator, "GET", `/v1/voices/${VOICE}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(list.find((v: { voice_id: string }) => v.voice_id === VOICE));
    expectError(
      await call(emulator, "GET", "/v1/voices/nope"),
      404,
      "voice_not_found",
      "not_found",
      "A voice with voice_id 'nope' was not found.",
    );
  });

  it("GET /v1/models is a JSON array of models with their credit rates", async () => {
    const reply = await call(emulator, "GET", "/v1/models");
    expect(Array.isArray(reply.body)).toBe(true);
    expect(reply.body.map((m: { model_id: string }) => m.model_id)).toContain("eleven_multilingual_v2");
    for (const model of reply.body) expect(model.model_rates.character_cost_multiplier).toBeGreaterThan(0);
  });

  it("GET /v1/user answers for the service account whose key calls", async () => {
    const { saId, secret } = await ttsKey({ permissions: ["user_read"] });
    const reply = await call(emulator, "GET", "/v1/user", { key: secret });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ user_id: saId, seat_type: "workspace_member" });
    expect(reply.body.subscription).toMatchObject({ status: "active" });
    expect(reply.text).not.toContain(secret);
  });
});

describe("text to speech", () => {
  it("answers audio/mpeg and counts the text's characters on the key, seen in the key list", async () => {
    const { saId, keyId, secret } = await ttsKey();
    const reply = await speak(secret, { text: "Hello there." });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("audio/mpeg");
    expect(reply.headers.get("character-cost")).toBe("12");
    expect(reply.headers.get("request-id")).toBe(reply.headers.get("x-request-id"));
    expect(Number(reply.headers.get("content-length"))).toBe(SILENT_MP3.length);
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(12);
    await speak(secret, { text: "Héllo 👋", model_id: "eleven_multilingual_v2" });
    // Characters are code points: the emoji is one, not two UTF-16 units.
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(19);
  });

  it("a half-rate model costs half the characters, rounded up", async () => {
    const { saId, keyId, secret } = await ttsKey();
    const reply = await speak(secret, { text: "Hello", model_id: "eleven_flash_v2_5" });
    expect(reply.headers.get("character-cost")).toBe("3");
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(3);
  });

  it("a body without text is the FastAPI 422, and nothing is counted", async () => {
    const { saId, keyId, secret } = await ttsKey();
    expect422(await speak(secret, { model_id: "eleven_multilingual_v2" }), [
      { type: "missing", loc: ["body", "text"], msg: "Field required" },
    ]);
    expect422(await speak(secret, { text: 42, model_id: 7 }), [
      { type: "string_type", loc: ["body", "text"] },
      { type: "string_type", loc: ["body", "model_id"] },
    ]);
    expect422(await speak(secret, undefined), [{ type: "missing", loc: ["body"] }]);
    expect422(await speak(secret, "{not json"), [{ type: "json_invalid", loc: ["body", 1] }]);
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(0);
  });

  it("authentication comes before the body: a key without text_to_speech and no text is 401", async () => {
    const { secret } = await ttsKey({ permissions: ["voices_read"] });
    expectError(await speak(secret, {}), 401, "missing_permissions", "authentication_error");
  });

  it("an unknown voice is 404 voice_not_found, an unknown model 400 model_not_found; neither is counted", async () => {
    const { saId, keyId, secret } = await ttsKey();
    expectError(
      await speak(secret, { text: "Hi" }, "/v1/text-to-speech/nope"),
      404,
      "voice_not_found",
      "not_found",
    );
    expectError(
      await speak(secret, { text: "Hi", model_id: "eleven_v9" }),
      400,
      "model_not_found",
      "invalid_request",
    );
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(0);
  });

  it("GET on text to speech is 405 with Allow: POST", async () => {
    const reply = await call(emulator, "GET", TTS);
    expect(reply.status).toBe(405);
    expect(reply.headers.get("allow")).toBe("POST");
  });
});

describe("a key's monthly credit limit", () => {
  const QUOTA = (name: string, limit: number, remaining: number, required: number) =>
    `This request exceeds your API key (${name}) quota of ${limit}. You have ${remaining} credits remaining, while ${required} credits are required for this request.`;

  it("refuses a request that costs more than is left with 401 quota_exceeded, charging nothing", async () => {
    const { saId, keyId, secret } = await ttsKey({ character_limit: 10 });
    expect((await speak(secret, { text: "123456" })).status).toBe(200);
    const refused = await speak(secret, { text: "12345" });
    expectError(refused, 401, "quota_exceeded", "invalid_request", QUOTA("narrator", 10, 4, 5));
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(6);
    // What is left can still be spent, to the last credit; then anything is refused.
    expect((await speak(secret, { text: "1234" })).status).toBe(200);
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(10);
    expectError(
      await speak(secret, { text: "1" }),
      401,
      "quota_exceeded",
      "invalid_request",
      QUOTA("narrator", 10, 0, 1),
    );
  });

  it("a limit reached by usage set through the control API refuses at once; raising it lets it through", async () => {
    const { saId, keyId, secret } = await ttsKey({ character_limit: 1000 });
    const usage = await call(emulator, "POST", "/__emulator/usage", {
      body: { keyId, characterCount: 1200 },
    });
    expect(usage.status).toBe(200);
    // Over the limit (usage can pass it upstream too): nothing is left, never a negative number.
    expectError(
      await speak(secret, { text: "Hi" }),
      401,
      "quota_exceeded",
      "invalid_request",
      QUOTA("narrator", 1000, 0, 2),
    );
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { character_limit: 5000 },
    });
    expect((await speak(secret, { text: "Hi" })).status).toBe(200);
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { character_limit: "clear" },
    });
    expect((await speak(secret, { text: "x".repeat(5000) })).status).toBe(200);
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(6202);
  });

  it("only text to speech spends credits: a key at its limit still lists voices", async () => {
    const { keyId, secret } = await ttsKey({
      permissions: ["text_to_speech", "voices_read"],
      character_limit: 5,
    });
    await call(emulator, "POST", "/__emulator/usage", { body: { keyId, characterCount: 5 } });
    expect((await call(emulator, "GET", "/v1/voices", { key: secret })).status).toBe(200);
    expect((await speak(secret, { text: "Hi" })).status).toBe(401);
  });

  it("the ladder comes first: a disabled key at its limit is invalid_api_key, not quota_exceeded", async () => {
    const { saId, keyId, secret } = await ttsKey({ character_limit: 1 });
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { is_enabled: false },
    });
    expectError(await speak(secret, { text: "Hello" }), 401, "invalid_api_key", "authentication_error");
  });

  it("the workspace admin key has no key limit and charges no key", async () => {
    const { saId, keyId } = await ttsKey({ character_limit: 1 });
    expect((await call(emulator, "POST", TTS, { body: { text: "A long enough sentence." } })).status).toBe(
      200,
    );
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(0);
  });
});
