// The demo portal has every case the contract asks for, the same on every start; empty has none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocspaceEmulator } from "./server";
import { listKeys, manualClock, start } from "./testing";

const clock = manualClock();
let emulator: DocspaceEmulator;
beforeAll(async () => {
  emulator = await start({ seed: "demo", now: clock.now });
});
afterAll(() => emulator.close());

const DAY = 86_400_000;
type Listed = Awaited<ReturnType<typeof listKeys>>[number] & {
  name: string;
  permissions: string[];
  isActive: boolean;
  expiresAt: string | null;
  lastUsed: string | null;
  createBy: { id: string; displayName: string };
};

describe("demo", () => {
  it("has 12 keys covering every case", async () => {
    const keys = (await listKeys(emulator)) as Listed[];
    const now = clock.now();
    const expiresIn = (k: Listed) => (k.expiresAt === null ? Infinity : Date.parse(k.expiresAt) - now);
    expect(keys).toHaveLength(12);
    expect(keys.some((k) => k.permissions.length === 0)).toBe(true);
    expect(keys.some((k) => k.permissions.join() === "*:read")).toBe(true);
    expect(keys.some((k) => k.permissions.length > 1)).toBe(true);
    expect(keys.some((k) => !k.isActive)).toBe(true);
    expect(keys.some((k) => expiresIn(k) <= 0)).toBe(true);
    expect(keys.some((k) => expiresIn(k) > 0 && expiresIn(k) <= 7 * DAY)).toBe(true);
    expect(keys.some((k) => k.expiresAt === null)).toBe(true);
    expect(keys.some((k) => k.lastUsed === null)).toBe(true);
    expect(keys.some((k) => k.lastUsed !== null)).toBe(true);
    const owners = new Map<string, number>();
    for (const k of keys) owners.set(k.createBy.displayName, (owners.get(k.createBy.displayName) ?? 0) + 1);
    expect(owners.size).toBe(2);
    expect(owners.get("Tomás Ibarra")).toBeGreaterThanOrEqual(3);
  });

  it("is the same on every start (ids, postfixes, dates relative to now)", async () => {
    const again = await start({ seed: "demo", now: clock.now });
    try {
      expect(await listKeys(again)).toEqual(await listKeys(emulator));
    } finally {
      await again.close();
    }
  });

  it("empty has no keys", async () => {
    const empty = await start({ seed: "empty" });
    try {
      expect(await listKeys(empty)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
