// The control routes that set up a key's state the public API cannot: its usage this month and a
// disable by ElevenLabs itself (with its reason), for the key doctor's causes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createAccount, createKey, expectError, getKey, start } from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const control = (route: string, body: unknown) => call(emulator, "POST", `/__emulator/${route}`, { body });

describe("POST /__emulator/usage", () => {
  it("sets a key's usage this month, seen in the list", async () => {
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId, { character_limit: 100 });
    const reply = await control("usage", { keyId, characterCount: 100 });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ keyId, characterCount: 100 });
    expect((await getKey(emulator, saId, keyId)).character_count).toBe(100);
  });

  it("refuses a bad body (400) and an unknown key (404)", async () => {
    expect((await control("usage", { keyId: "k", characterCount: -1 })).status).toBe(400);
    expect((await control("usage", { keyId: "k", characterCount: 1 })).status).toBe(404);
  });
});

describe("POST /__emulator/disable", () => {
  it("disables a key with ElevenLabs' reason; its secret is then invalid until an admin enables it", async () => {
    const saId = await createAccount(emulator);
    const { keyId, secret } = await createKey(emulator, saId, { permissions: ["voices_read"] });
    const reply = await control("disable", { keyId, reason: "exposed_publicly" });
    expect(reply.status).toBe(200);
    expect(await getKey(emulator, saId, keyId)).toMatchObject({
      is_disabled: true,
      disable_reason: "exposed_publicly",
    });
    expectError(
      await call(emulator, "GET", "/v1/voices", { key: secret }),
      401,
      "invalid_api_key",
      "authentication_error",
      "Invalid API key",
    );
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { is_enabled: true },
    });
    expect(await getKey(emulator, saId, keyId)).toMatchObject({ is_disabled: false, disable_reason: null });
    expect((await call(emulator, "GET", "/v1/voices", { key: secret })).status).toBe(200);
  });

  it("takes only ElevenLabs' reasons (LockReason) and known keys", async () => {
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId);
    expect((await control("disable", { keyId, reason: "because" })).status).toBe(400);
    expect((await control("disable", { keyId })).status).toBe(400);
    expect((await control("disable", { keyId: "nope", reason: "self_disabled" })).status).toBe(404);
    expect((await getKey(emulator, saId, keyId)).is_disabled).toBe(false);
  });
});
