// The official SDK 2.73, unchanged, using a service account's key against the emulator: it parses
// every answer of the endpoints keys are used for (a required field left out would be a ParseError),
// and reads each refusal as an ElevenLabsError with the status and body the doctor must explain.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ElevenLabsClient, ElevenLabsError } from "@elevenlabs/elevenlabs-js";
import { SILENT_MP3 } from "./catalogue";
import type { Emulator } from "./server";
import { ADMIN_KEY, createAccount, createKey, start } from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const VOICE = "JBFqnCBsd6RMkjVDRZzb";
const sdkWith = (apiKey: string) => new ElevenLabsClient({ apiKey, baseUrl: emulator.url, maxRetries: 0 });

async function keyClient(body: Record<string, unknown>) {
  const saId = await createAccount(emulator);
  const { secret, keyId } = await createKey(emulator, saId, { name: "sdk-user", ...body });
  return { saId, keyId, sdk: sdkWith(secret) };
}

async function refusal(work: Promise<unknown>): Promise<ElevenLabsError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ElevenLabsError);
  return error as ElevenLabsError;
}

describe("SDK 2.73 with a service account's key", () => {
  it("parses voices, one voice, models and the user", async () => {
    const { saId, sdk } = await keyClient({ permissions: ["voices_read", "models_read", "user_read"] });
    const { voices } = await sdk.voices.getAll();
    expect(voices.map((v) => v.voiceId)).toContain(VOICE);
    expect(voices[0]).toMatchObject({ category: "premade" });
    expect(await sdk.voices.get(VOICE)).toMatchObject({ voiceId: VOICE, name: "George" });
    const models = await sdk.models.list();
    expect(models.find((m) => m.modelId === "eleven_flash_v2_5")?.modelRates?.characterCostMultiplier).toBe(
      0.5,
    );
    const user = await sdk.user.get();
    expect(user).toMatchObject({ userId: saId, seatType: "workspace_member" });
    expect(user.subscription.status).toBe("active");
  });

  it("streams text to speech as audio", async () => {
    const { sdk } = await keyClient({ permissions: ["text_to_speech"] });
    const stream = await sdk.textToSpeech.convert(VOICE, {
      text: "Hello",
      modelId: "eleven_multilingual_v2",
    });
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect(bytes.equals(SILENT_MP3)).toBe(true);
  });

  it("reads each cause's refusal with its status and ElevenLabs' body", async () => {
    const scoped = await keyClient({ permissions: ["text_to_speech"], character_limit: 3 });
    const missing = await refusal(scoped.sdk.voices.getAll());
    expect(missing.statusCode).toBe(401);
    expect(missing.body).toMatchObject({
      detail: {
        status: "missing_permissions",
        message: "The API key you used is missing the permission voices_read to execute this operation.",
      },
    });
    const quota = await refusal(scoped.sdk.textToSpeech.convert(VOICE, { text: "Hello" }));
    expect(quota.statusCode).toBe(401);
    expect(quota.body).toMatchObject({ detail: { status: "quota_exceeded", code: "quota_exceeded" } });

    const fenced = await keyClient({ permissions: ["voices_read"], allowed_ips: ["192.0.2.0/24"] });
    const outside = await refusal(fenced.sdk.voices.getAll());
    expect(outside.statusCode).toBe(403);
    expect(outside.body).toMatchObject({ detail: { code: "ip_not_allowed" } });

    const unknown = await refusal(sdkWith("sk_" + "f".repeat(48)).voices.getAll());
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toMatchObject({ detail: { status: "invalid_api_key", message: "Invalid API key" } });

    const admin = sdkWith(ADMIN_KEY);
    const notFound = await refusal(admin.voices.get("nope"));
    expect(notFound.statusCode).toBe(404);
  });
});
