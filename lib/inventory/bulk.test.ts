import { describe, expect, it } from "vitest";
import {
  alreadyNote,
  bulkSummary,
  confirmLabel,
  partitionByTarget,
  progressToAnnounce,
  bulkRequestKey,
  changeSummary,
  indicatorLabel,
  isActiveChange,
  rowBulkKeyId,
  bulkKeyId,
} from "./bulk";
import type { BulkCounts } from "@/lib/bulk/types";

describe("the bulk dialog's words", () => {
  const keys = [
    { id: "a", enabled: true },
    { id: "b", enabled: false },
    { id: "c", enabled: true },
    { id: "d", enabled: null },
  ];

  it("splits keys into those that change, those already in the target state and those that cannot", () => {
    expect(partitionByTarget(keys, "disable")).toEqual({
      toChange: [keys[0], keys[2]],
      already: [keys[1]],
      cannot: [keys[3]],
    });
    expect(partitionByTarget(keys, "enable")).toEqual({
      toChange: [keys[1]],
      already: [keys[0], keys[2]],
      cannot: [keys[3]],
    });
  });

  it("counts in the button, the note and the summary", () => {
    expect(confirmLabel("disable", 200)).toBe("Disable 200 keys");
    expect(confirmLabel("enable", 1)).toBe("Enable 1 key");
    expect(alreadyNote("disable", 3)).toBe("3 are already disabled and will be left alone.");
    expect(alreadyNote("enable", 1)).toBe("1 is already enabled and will be left alone.");
    expect(bulkSummary("disable", { done: 195, failed: 5, notStarted: 0 })).toBe("195 disabled, 5 failed.");
    expect(bulkSummary("enable", { done: 2, failed: 0, notStarted: 0 })).toBe("2 enabled.");
    expect(bulkSummary("disable", { done: 0, failed: 1, notStarted: 7 })).toBe(
      "0 disabled, 1 failed, 7 not started.",
    );
  });

  it("announces progress at each tenth and at the end, not on every key", () => {
    let announced = 0;
    const said: number[] = [];
    for (let finished = 1; finished <= 200; finished++) {
      const next = progressToAnnounce(announced, finished, 200);
      if (next !== announced) said.push(next);
      announced = next;
    }
    expect(said).toEqual([20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
    expect(progressToAnnounce(20, 37, 200)).toBe(20);
    // Small runs: every key is a tenth or more.
    expect(progressToAnnounce(0, 1, 2)).toBe(1);
    expect(progressToAnnounce(1, 2, 2)).toBe(2);
    // A stopped run ends early; the last count is said whatever the tenth.
    expect(progressToAnnounce(0, 0, 0)).toBe(0);
  });
});

describe("bulk changes made on the server", () => {
  const counts = (c: Partial<BulkCounts>): BulkCounts => ({
    pending: 0,
    working: 0,
    done: 0,
    skipped: 0,
    failed: 0,
    cancelled: 0,
    ...c,
  });
  const primaryRow = {
    id: "k1",
    name: "prod",
    serviceAccountId: "sa1",
    connection: null,
  };

  it("names a key to the server by connection, id and group, with what the list showed", () => {
    expect(bulkRequestKey(primaryRow, "disable")).toEqual({
      connectionId: "env-elevenlabs",
      keyId: "k1",
      saId: "sa1",
      name: "prod",
      expected: { enabled: true },
    });
    const other = { ...primaryRow, serviceAccountId: "", connection: { id: "docspace-1" } as never };
    expect(bulkRequestKey(other, "enable")).toEqual({
      connectionId: "docspace-1",
      keyId: "k1",
      name: "prod",
      expected: { enabled: false },
    });
    // A row and the server's key of it are the same key.
    expect(rowBulkKeyId(other)).toBe(bulkKeyId({ connectionId: "docspace-1", keyId: "k1" }));
    expect(bulkRequestKey({ ...primaryRow, name: "n".repeat(300) }, "disable").name).toHaveLength(255);
  });

  it("says the outcome in the dialog's words, and whether keys are left to do", () => {
    expect(changeSummary({ action: "disable", counts: counts({ done: 195, failed: 5 }) })).toBe(
      "195 disabled, 5 failed.",
    );
    expect(changeSummary({ action: "enable", counts: counts({ done: 2 }) })).toBe("2 enabled.");
    expect(changeSummary({ action: "delete", counts: counts({ done: 1, skipped: 2, cancelled: 3 }) })).toBe(
      "1 deleted, 2 left alone, 3 not started.",
    );
    expect(isActiveChange({ state: "running", counts: counts({ done: 1 }) })).toBe(true);
    expect(isActiveChange({ state: "finished", counts: counts({ done: 1 }) })).toBe(false);
    // Cancelled, with the key being changed at that moment still finishing.
    expect(isActiveChange({ state: "cancelled", counts: counts({ working: 1, cancelled: 4 }) })).toBe(true);
    expect(isActiveChange({ state: "cancelled", counts: counts({ done: 1, cancelled: 4 }) })).toBe(false);
    expect(
      indicatorLabel({
        action: "disable",
        total: 200,
        state: "running",
        counts: counts({ done: 45, pending: 155 }),
      }),
    ).toBe("Disabling 200 keys: 45 of 200 done");
    expect(
      indicatorLabel({ action: "enable", total: 1, state: "finished", counts: counts({ done: 1 }) }),
    ).toBe("Bulk enable: 1 enabled.");
  });
});
