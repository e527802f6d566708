import { describe, expect, it } from "vitest";
import { differences, type ReadKey, type SnapshotEntry } from "./diff";
import { digestOf, stateOfKey } from "./state";
import { fakeKey } from "@/tests/support/fake-workspace";

const readKey = (id: string, sa: string, over = {}): ReadKey => {
  const state = stateOfKey(fakeKey(id, sa, over));
  return { keyId: id, serviceAccountId: sa, state, digest: digestOf(state) };
};
const entry = (k: ReadKey, over: Partial<SnapshotEntry> = {}): SnapshotEntry => ({
  keyId: k.keyId,
  serviceAccountId: k.serviceAccountId,
  digest: k.digest,
  origin: "baseline",
  deleted: false,
  knownAt: 0,
  state: k.state,
  ...over,
});
const kinds = (found: ReturnType<typeof differences>) =>
  found.map((d) => [d.kind, d.kind === "deleted" ? d.entry.keyId : d.read.keyId]);

describe("differences", () => {
  const a = readKey("a", "sa1");
  const b = readKey("b", "sa1");
  const snapshot = new Map([
    [a.keyId, entry(a)],
    [b.keyId, entry(b)],
  ]);

  it("finds nothing when the read matches", () => {
    expect(differences([a, b], snapshot, () => true)).toEqual([]);
  });

  it("finds a changed, a deleted and a created key", () => {
    const found = differences(
      [readKey("a", "sa1", { enabled: false }), readKey("c", "sa1")],
      snapshot,
      () => true,
    );
    expect(kinds(found)).toEqual([
      ["changed", "a"],
      ["created", "c"],
      ["deleted", "b"],
    ]);
  });

  it("records keys of a scope not yet observed as the baseline, not as created", () => {
    expect(kinds(differences([a, b, readKey("c", "sa2")], snapshot, (sa) => sa === "sa1"))).toEqual([
      ["baseline", "c"],
    ]);
  });

  it("takes a key listed again after its tombstone for a new one, and a tombstone for no deletion", () => {
    const dead = new Map([
      [a.keyId, entry(a, { deleted: true })],
      [b.keyId, entry(b, { deleted: true })],
    ]);
    expect(kinds(differences([a], dead, () => true))).toEqual([["created", "a"]]);
  });
});
