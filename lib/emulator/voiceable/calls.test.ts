// Starting a call, the ordinary endpoint a key is used for, under the key's own limits: an unknown
// or deleted key is a 401; a public key's allowed origins against `Origin`; the allowed assistants
// against the one asked for; an inline assistant only with transient_assistant; each a 403 in
// Voiceable's error envelope whose message names what was refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { VoiceableEmulator } from "./server";
import { call, createKey, expectError, KEYS, start } from "./testing";

let emulator: VoiceableEmulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const CALLS = "/api/v1/calls";
const SAVED = { assistant_id: "asst_support" };
const INLINE = { assistant: { first_message: "Hello!" } };

/** A private key's secret, with these fields. */
const secretOf = async (fields: Record<string, unknown> = {}) =>
  (await createKey(emulator, fields)).key_value!;

describe("POST /api/v1/calls", () => {
  it("starts a call: 201 in the success envelope", async () => {
    const reply = await call(emulator, "POST", CALLS, { apiKey: await secretOf(), body: SAVED });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      status: { code: 201, message: "Call created successfully" },
      data: {
        id: "call_1",
        assistant_id: "asst_support",
        transient: false,
        status: "queued",
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      },
    });
  });

  it("the owner's admin key has no limits", async () => {
    expect((await call(emulator, "POST", CALLS, { body: INLINE })).status).toBe(201);
  });

  it("no key, or an unknown or deleted one: 401 Authentication required.", async () => {
    expectError(
      await call(emulator, "POST", CALLS, { apiKey: null, body: SAVED }),
      401,
      "Authentication required.",
    );
    const key = await createKey(emulator);
    await call(emulator, "DELETE", `${KEYS}/${key.id}`);
    expectError(
      await call(emulator, "POST", CALLS, { apiKey: key.key_value, body: SAVED }),
      401,
      "Authentication required.",
    );
  });

  it("other methods and paths match no route (404, before auth)", async () => {
    for (const [method, path] of [
      ["GET", CALLS],
      ["POST", `${CALLS}/1`],
    ])
      expect((await call(emulator, method!, path!, { apiKey: null })).status).toBe(404);
  });

  it("the body: a JSON object (400) with exactly one valid assistant (422)", async () => {
    const apiKey = await secretOf();
    expectError(await call(emulator, "POST", CALLS, { apiKey, body: "[1" }), 400, "Bad Request");
    for (const [body, error] of [
      [{}, "Assistant can't be blank: give assistant_id or assistant"],
      [{ ...SAVED, ...INLINE }, "Assistant must be given once: assistant_id or assistant, not both"],
      [{ assistant_id: "" }, "Assistant id must be a non-empty string"],
      [{ assistant_id: 7 }, "Assistant id must be a non-empty string"],
      [{ assistant: "x" }, "Assistant must be an object"],
    ] as const)
      expectError(await call(emulator, "POST", CALLS, { apiKey, body }), 422, "Validation failed", [error]);
  });
});

describe("the key's limits", () => {
  it("a public key with origins: the Origin must be listed (403 naming it), or is refused when absent", async () => {
    const apiKey = (
      await createKey(emulator, { key_type: "public", allowed_origins: ["https://app.example.com"] })
    ).key_value!;
    const from = (origin?: string) =>
      call(emulator, "POST", CALLS, { apiKey, body: SAVED, headers: origin ? { origin } : {} });
    expect((await from("https://app.example.com")).status).toBe(201);
    expectError(
      await from("https://shop.example.com"),
      403,
      "Origin https://shop.example.com is not allowed for this API key.",
    );
    expectError(await from(), 403, "A request without an Origin is not allowed for this API key.");
  });

  it("origins bind public keys only; an empty list allows any origin", async () => {
    const priv = await secretOf({ allowed_origins: ["https://app.example.com"] });
    const open = (await createKey(emulator, { key_type: "public" })).key_value!;
    for (const apiKey of [priv, open])
      expect(
        (await call(emulator, "POST", CALLS, { apiKey, body: SAVED, headers: { origin: "https://x.io" } }))
          .status,
      ).toBe(201);
  });

  it("the origin is checked before the body", async () => {
    const apiKey = (await createKey(emulator, { key_type: "public", allowed_origins: ["https://a.io"] }))
      .key_value!;
    expect((await call(emulator, "POST", CALLS, { apiKey, body: "[" })).status).toBe(403);
  });

  it("allowed assistants: another id is a 403 naming it; an empty list allows every one", async () => {
    const apiKey = await secretOf({ allowed_assistants: ["asst_sales"] });
    expect(
      (await call(emulator, "POST", CALLS, { apiKey, body: { assistant_id: "asst_sales" } })).status,
    ).toBe(201);
    expectError(
      await call(emulator, "POST", CALLS, { apiKey, body: SAVED }),
      403,
      "Assistant asst_support is not allowed for this API key.",
    );
  });

  it("an inline assistant needs transient_assistant, whatever the key type", async () => {
    for (const key_type of ["private", "public"]) {
      const off = (await createKey(emulator, { key_type })).key_value!;
      expectError(
        await call(emulator, "POST", CALLS, { apiKey: off, body: INLINE }),
        403,
        "Transient assistants are not allowed for this API key.",
      );
      const on = (await createKey(emulator, { key_type, transient_assistant: true })).key_value!;
      expect((await call(emulator, "POST", CALLS, { apiKey: on, body: INLINE })).status).toBe(201);
    }
  });

  it("the key's changes take effect on the next call", async () => {
    const key = await createKey(emulator, { allowed_assistants: ["asst_sales"] });
    const apiKey = key.key_value!;
    expect((await call(emulator, "POST", CALLS, { apiKey, body: SAVED })).status).toBe(403);
    await call(emulator, "PUT", `${KEYS}/${key.id}`, {
      body: { api_key: { allowed_assistants: ["asst_sales", "asst_support"] } },
    });
    expect((await call(emulator, "POST", CALLS, { apiKey, body: SAVED })).status).toBe(201);
  });
});
