import { describe, expect, it } from "vitest";
import { onAlert, publishAlert, type AlertEvent } from "./events";

const event: AlertEvent = {
  kind: "key_disabled",
  severity: "warning",
  title: "t",
  at: "2026-12-07T00:00:00Z",
};

describe("publishAlert", () => {
  it("reaches every listener and stops after unsubscribe", async () => {
    const seen: string[] = [];
    const off = onAlert((e) => void seen.push(e.title));
    await publishAlert(event);
    off();
    await publishAlert(event);
    expect(seen).toEqual(["t"]);
  });

  it("a failing listener neither throws to the publisher nor stops the others", async () => {
    const seen: string[] = [];
    const offA = onAlert(() => {
      throw new Error("boom");
    });
    const offB = onAlert(async (e) => void seen.push(e.kind));
    await expect(publishAlert(event)).resolves.toBeUndefined();
    offA();
    offB();
    expect(seen).toEqual(["key_disabled"]);
  });
});
