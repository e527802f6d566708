// The official SDK, unchanged, pointed at the emulator: the emulator's contract is that whatever
// the SDK can do against ElevenLabs, it can do here, with the same wire shapes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ElevenLabs, ElevenLabsClient, ElevenLabsError } from "@elevenlabs/elevenlabs-js";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";

const ADMIN_KEY = "adm_contract";
let emulator: Emulator;
let sdk: ElevenLabsClient;

beforeAll(async () => {
  emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "empty", control: true });
  sdk = new ElevenLabsClient({ apiKey: ADMIN_KEY, baseUrl: emulator.url, maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset("empty"));

async function keysOf(saId: string) {
  return (await sdk.serviceAccounts.apiKeys.list(saId)).apiKeys;
}

async function newAccount(name = "Contract tests") {
  return (await sdk.serviceAccounts.create({ name })).serviceAccountUserId;
}

describe("the official SDK against the emulator", () => {
  it("creates a service account and lists it with its embedded keys", async () => {
    const saId = await newAccount("Billing");
    expect(saId).toMatch(/^[A-Za-z0-9]+$/);
    const { serviceAccounts } = await sdk.serviceAccounts.list();
    expect(serviceAccounts).toHaveLength(1);
    expect(serviceAccounts[0]).toMatchObject({ serviceAccountUserId: saId, name: "Billing", apiKeys: [] });
    expect(typeof serviceAccounts[0]!.createdAtUnix).toBe("number");
  });

  it("creates a key with a limit and an allowlist, and lists it normalised", async () => {
    const saId = await newAccount();
    const created = await sdk.serviceAccounts.apiKeys.create(saId, {
      name: "tts-worker",
      permissions: ["text_to_speech", "voices_read"],
      characterLimit: 250_000,
      allowedIps: ["10.0.0.7/24", "2001:db8::1"],
    });
    expect(created.xiApiKey).toMatch(/^sk_[0-9a-f]{48}$/);
    const [key] = await keysOf(saId);
    expect(key).toMatchObject({
      keyId: created.keyId,
      serviceAccountUserId: saId,
      name: "tts-worker",
      hint: created.xiApiKey.slice(-4),
      isDisabled: false,
      permissions: ["text_to_speech", "voices_read"],
      characterLimit: 250_000,
      characterCount: 0,
      allowedIps: ["10.0.0.0/24", "2001:db8::1/128"],
    });
    expect(key!.hashedXiApiKey).toMatch(/^[0-9a-f]{64}$/);
    // The same key, embedded in the service-account list.
    const { serviceAccounts } = await sdk.serviceAccounts.list();
    expect(serviceAccounts[0]!.apiKeys.map((k) => k.keyId)).toEqual([created.keyId]);
  });

  it('lists a key created with "all" as unrestricted (no permissions list)', async () => {
    const saId = await newAccount();
    await sdk.serviceAccounts.apiKeys.create(saId, { name: "everything", permissions: "all" });
    const [key] = await keysOf(saId);
    expect(key!.permissions).toBeUndefined();
    expect(key!.characterLimit).toBeUndefined();
    expect(key!.allowedIps).toBeUndefined();
  });

  it("updates each field on its own and leaves the others alone", async () => {
    const saId = await newAccount();
    const { keyId } = await sdk.serviceAccounts.apiKeys.create(saId, {
      name: "before",
      permissions: ["text_to_speech"],
      characterLimit: 1000,
      allowedIps: ["10.0.0.1"],
    });
    const original = (await keysOf(saId))[0]!;

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { name: "after" });
    expect((await keysOf(saId))[0]).toEqual({ ...original, name: "after" });

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { permissions: ["dubbing_read", "dubbing_write"] });
    expect((await keysOf(saId))[0]).toEqual({
      ...original,
      name: "after",
      permissions: ["dubbing_read", "dubbing_write"],
    });

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { characterLimit: 5000 });
    expect((await keysOf(saId))[0]!.characterLimit).toBe(5000);

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { allowedIps: ["192.0.2.0/24", "192.0.2.9"] });
    const updated = (await keysOf(saId))[0]!;
    expect(updated.allowedIps).toEqual(["192.0.2.0/24", "192.0.2.9/32"]);
    expect(updated).toMatchObject({
      name: "after",
      characterLimit: 5000,
      permissions: ["dubbing_read", "dubbing_write"],
    });

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { permissions: "all" });
    expect((await keysOf(saId))[0]!.permissions).toBeUndefined();
  });

  it('clears a limit and an allowlist with "clear", and "no_update" changes nothing', async () => {
    const saId = await newAccount();
    const { keyId } = await sdk.serviceAccounts.apiKeys.create(saId, {
      name: "limited",
      permissions: ["text_to_speech"],
      characterLimit: 1000,
      allowedIps: ["10.0.0.1"],
    });
    await sdk.serviceAccounts.apiKeys.update(saId, keyId, {
      characterLimit: "no_update",
      allowedIps: "no_update",
      isEnabled: "no_update",
    });
    expect((await keysOf(saId))[0]).toMatchObject({
      characterLimit: 1000,
      allowedIps: ["10.0.0.1/32"],
      isDisabled: false,
    });

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { characterLimit: "clear" });
    expect((await keysOf(saId))[0]).toMatchObject({ characterLimit: undefined, allowedIps: ["10.0.0.1/32"] });

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { allowedIps: "clear" });
    expect((await keysOf(saId))[0]!.allowedIps).toBeUndefined();
  });

  it("accepts the legacy full PATCH body and an empty one", async () => {
    const saId = await newAccount();
    const { keyId } = await sdk.serviceAccounts.apiKeys.create(saId, { name: "legacy", permissions: "all" });
    await sdk.serviceAccounts.apiKeys.update(saId, keyId, {
      isEnabled: true,
      name: "legacy-renamed",
      permissions: ["models_read"],
    });
    await sdk.serviceAccounts.apiKeys.update(saId, keyId);
    expect((await keysOf(saId))[0]).toMatchObject({
      name: "legacy-renamed",
      permissions: ["models_read"],
      isDisabled: false,
    });
  });

  it("disables and re-enables a key, and the secret stops and starts working", async () => {
    const saId = await newAccount();
    const { keyId, xiApiKey } = await sdk.serviceAccounts.apiKeys.create(saId, {
      name: "toggle",
      permissions: "all",
    });
    const asKey = new ElevenLabsClient({ apiKey: xiApiKey, baseUrl: emulator.url, maxRetries: 0 });
    const codeOf = (e: unknown) => ((e as ElevenLabsError).body as { detail: { code: string } }).detail.code;

    // A live service-account key is recognised but may not manage service accounts.
    await expect(asKey.serviceAccounts.list()).rejects.toSatisfy((e) => codeOf(e) === "missing_permissions");

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { isEnabled: false });
    expect((await keysOf(saId))[0]!.isDisabled).toBe(true);
    await expect(asKey.serviceAccounts.list()).rejects.toSatisfy((e) => codeOf(e) === "invalid_api_key");

    await sdk.serviceAccounts.apiKeys.update(saId, keyId, { isEnabled: true });
    expect((await keysOf(saId))[0]!.isDisabled).toBe(false);
    await expect(asKey.serviceAccounts.list()).rejects.toSatisfy((e) => codeOf(e) === "missing_permissions");
  });

  it("deletes a key: it leaves the list and its secret is refused", async () => {
    const saId = await newAccount();
    const { keyId, xiApiKey } = await sdk.serviceAccounts.apiKeys.create(saId, {
      name: "doomed",
      permissions: "all",
    });
    await sdk.serviceAccounts.apiKeys.delete(saId, keyId);
    expect(await keysOf(saId)).toEqual([]);
    const asKey = new ElevenLabsClient({ apiKey: xiApiKey, baseUrl: emulator.url, maxRetries: 0 });
    const error = await asKey.serviceAccounts.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElevenLabsError);
    expect((error as ElevenLabsError).statusCode).toBe(401);
    expect((error as ElevenLabsError).body).toMatchObject({ detail: { status: "invalid_api_key" } });
  });

  it("surfaces 422s as UnprocessableEntityError with the FastAPI detail array", async () => {
    const saId = await newAccount();
    const error = await sdk.serviceAccounts.apiKeys
      .create(saId, { name: "bad", permissions: "all", allowedIps: ["10.0.0.1", "10.0.0.2", "not-an-ip"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElevenLabs.UnprocessableEntityError);
    expect((error as ElevenLabsError).body).toEqual({
      detail: [expect.objectContaining({ loc: ["body", "allowed_ips", 2], type: "value_error" })],
    });
    expect(await keysOf(saId)).toEqual([]);
  });

  it("surfaces unknown ids as 404 with the upstream request id", async () => {
    const error = (await sdk.serviceAccounts.apiKeys
      .list("no-such-account")
      .catch((e: unknown) => e)) as ElevenLabsError;
    expect(error.statusCode).toBe(404);
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.body).toMatchObject({ detail: { code: "not_found", request_id: error.requestId } });
  });

  it("percent-encodes path parameters the way the emulator decodes them", async () => {
    const error = (await sdk.serviceAccounts.apiKeys
      .list("sa 1")
      .catch((e: unknown) => e)) as ElevenLabsError;
    expect(error.statusCode).toBe(404);
    expect((error.body as { detail: { message: string } }).detail.message).toContain("'sa 1'");
  });
});
