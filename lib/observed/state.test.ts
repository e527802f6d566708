import { describe, expect, it } from "vitest";
import { observedChanges } from "./changes";
import { digestOf, safeName, stateOfKey, stateOfNewKey, storedState, withChanges } from "./state";
import { fakeKey } from "@/tests/support/fake-workspace";

describe("key state", () => {
  it("spells what the upstream lists and what Keydesk sent alike", () => {
    const listed = stateOfKey(
      fakeKey("k", "sa", {
        name: "n",
        permissions: ["voices_read", "text_to_speech"],
        characterLimit: null,
        allowedIps: ["192.0.2.7/32", "10.0.0.0/24"],
      }),
    );
    const sent = stateOfNewKey({
      name: "n",
      permissions: ["text_to_speech", "voices_read"],
      allowedIps: ["10.0.0.0/24", "192.0.2.7", "10.0.0.0/24"],
    });
    expect(listed).toEqual(sent);
    expect(digestOf(listed)).toBe(digestOf(sent));
    expect(digestOf(storedState(JSON.parse(JSON.stringify(listed))))).toBe(digestOf(listed));
  });

  it("counts unknown permissions, and any field, as part of the state", () => {
    const base = stateOfKey(fakeKey("k", "sa"));
    expect(stateOfKey(fakeKey("k", "sa", { unknownPermissions: ["future_permission"] })).permissions).toEqual(
      ["future_permission", "text_to_speech"],
    );
    for (const over of [
      { name: "x" },
      { enabled: false },
      { permissions: "all" as const },
      { characterLimit: 5 },
      { allowedIps: null },
    ]) {
      expect(digestOf(stateOfKey(fakeKey("k", "sa", over)))).not.toBe(digestOf(base));
    }
  });

  it("applies only the fields Keydesk changed", () => {
    const before = stateOfKey(fakeKey("k", "sa", { enabled: false }));
    expect(withChanges(before, { characterLimit: null })).toEqual({ ...before, characterLimit: null });
  });

  it("never keeps a secret pasted into a name", () => {
    const secret = `sk_${"ab".repeat(24)}`;
    expect(safeName(`prod ${secret} old`)).toBe("prod sk_[redacted] old");
    expect(JSON.stringify(stateOfKey(fakeKey("k", "sa", { name: secret })))).not.toContain(secret.slice(3));
  });
});

describe("observed changes", () => {
  const a = stateOfKey(fakeKey("k", "sa"));
  it("names presence for a created or deleted key and every field's value", () => {
    expect(observedChanges(null, a)).toEqual({
      presence: { before: "absent", after: "present" },
      name: { before: null, after: "key k" },
      enabled: { before: null, after: true },
      permissions: { before: null, after: ["text_to_speech"] },
      characterLimit: { before: null, after: 1000 },
      allowedIps: { before: null, after: ["10.0.0.0/24"] },
    });
    expect(observedChanges(a, null).presence).toEqual({ before: "present", after: "absent" });
    expect(observedChanges(a, null).characterLimit).toEqual({ before: 1000, after: null });
  });

  it("lists only the fields that differ for a changed key", () => {
    expect(observedChanges(a, { ...a, enabled: false, allowedIps: null })).toEqual({
      enabled: { before: true, after: false },
      allowedIps: { before: ["10.0.0.0/24"], after: null },
    });
  });
});
