import { describe, expect, it } from "vitest";
import { singleFlight } from "./single-flight";

describe("singleFlight", () => {
  it("joins a read in flight, unless told to start a new one (which later reads join)", async () => {
    const flight = singleFlight();
    let calls = 0;
    const call = async () => ++calls;
    const [a, b] = [flight.read("k", call), flight.read("k", call)];
    const c = flight.read("k", call, { startNew: true });
    const d = flight.read("k", call);
    expect(await Promise.all([a, b, c, d])).toEqual([1, 1, 2, 2]);
  });

  it("moves its epoch when a write begins and when it ends, and a read after a write never joins one before", async () => {
    const flight = singleFlight();
    const start = flight.epoch();
    let release!: () => void;
    const writing = flight.write(() => new Promise<void>((resolve) => (release = resolve)));
    expect(flight.epoch()).toBe(start + 1);
    release();
    await writing;
    expect(flight.epoch()).toBe(start + 2);
    await expect(flight.write(async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(flight.epoch()).toBe(start + 4);

    let calls = 0;
    const before = flight.read("k", async () => ++calls);
    await flight.write(async () => undefined);
    expect(await flight.read("k", async () => ++calls)).toBe(2);
    expect(await before).toBe(1);
  });
});
