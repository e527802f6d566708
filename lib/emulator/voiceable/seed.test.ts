// The demo account has the 8 keys the contract asks for, the same on every start; empty has none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VoiceableEmulator } from "./server";
import { call, createKey, KEYS, listKeys, manualClock, start } from "./testing";

const clock = manualClock();
let emulator: VoiceableEmulator;
beforeAll(async () => {
  emulator = await start({ seed: "demo", now: clock.now });
});
afterAll(() => emulator.close());

describe("demo", () => {
  it("has keys 1-8 covering every case, no secrets shown", async () => {
    const keys = await listKeys(emulator);
    expect(keys.map((k) => k.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const priv = keys.filter((k) => k.key_type === "private");
    const pub = keys.filter((k) => k.key_type === "public");
    expect(
      priv.some(
        (k) => k.allowed_assistants.length === 0 && k.allowed_origins.length === 0 && !k.transient_assistant,
      ),
    ).toBe(true);
    expect(priv.some((k) => k.allowed_assistants.length > 0)).toBe(true);
    expect(priv.some((k) => k.transient_assistant)).toBe(true);
    expect(pub.some((k) => k.allowed_origins.length === 0)).toBe(true);
    expect(pub.some((k) => k.allowed_origins.includes("http://localhost:3000"))).toBe(true);
    expect(keys.every((k) => k.key_value === null && k.user_email === "owner@example.com")).toBe(true);
  });

  it("is the same on every start, and new keys follow on from id 8", async () => {
    const again = await start({ seed: "demo", now: clock.now });
    try {
      expect(await listKeys(again)).toEqual(await listKeys(emulator));
      expect((await createKey(again)).id).toBe(9);
    } finally {
      await again.close();
    }
  });

  it("empty has none; reset answers the count", async () => {
    const empty = await start({ seed: "empty" });
    try {
      expect(await listKeys(empty)).toEqual([]);
      expect((await call(empty, "POST", "/__emulator/reset", { body: { seed: "demo" } })).body).toEqual({
        keys: 8,
      });
      expect((await call(empty, "GET", KEYS)).body.data).toHaveLength(8);
    } finally {
      await empty.close();
    }
  });
});
