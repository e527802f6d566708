import { describe, expect, it } from "vitest";
import { keyChangeSchema } from "@/lib/keys/schema";
import {
  changeBody,
  DIFF_FIELDS,
  diffKey,
  isSameValue,
  movedFields,
  type EditableKeyFields,
} from "./key-diff.logic";

const original: EditableKeyFields = {
  name: "prod",
  permissions: ["voices_read", "text_to_speech"],
  characterLimit: 1000,
  allowedIps: ["10.0.0.1/32"],
};

describe("key diff", () => {
  it("finds nothing when only order or notation differs", () => {
    expect(
      diffKey(original, {
        ...original,
        permissions: ["text_to_speech", "voices_read"],
        allowedIps: ["10.0.0.1"],
      }),
    ).toEqual([]);
  });

  // The server treats an allowlist as a set (lib/keys/compare.ts): a reordered list writes nothing.
  // The preview must agree, or it shows a change, the save sends nothing and the dialog says "Saved".
  it("finds nothing when an allowlist is only reordered, as the server sees it", () => {
    const two: EditableKeyFields = { ...original, allowedIps: ["10.0.0.1/32", "192.168.0.0/24"] };
    expect(diffKey(two, { ...two, allowedIps: ["192.168.0.7/24", "10.0.0.1"] })).toEqual([]);
    for (const field of DIFF_FIELDS)
      expect(
        isSameValue(field, two[field], { ...two, allowedIps: ["192.168.0.0/24", "10.0.0.1/32"] }[field]),
      ).toBe(true);
  });

  it("compares names exactly, as the server does (the form trims before it diffs)", () => {
    expect(diffKey(original, { ...original, name: " prod" }).map((c) => c.field)).toEqual(["name"]);
  });

  it("lists each changed field with before and after", () => {
    expect(diffKey(original, { ...original, characterLimit: 2500, allowedIps: null })).toEqual([
      {
        field: "characterLimit",
        label: "Monthly limit",
        before: "1,000 characters",
        after: "2,500 characters",
      },
      { field: "allowedIps", label: "IP allowlist", before: "10.0.0.1/32", after: "Any IP (no allowlist)" },
    ]);
  });

  it("reads a limit of 0 (set outside Keydesk) as blocked", () => {
    expect(diffKey({ ...original, characterLimit: 0 }, original)[0]).toMatchObject({
      before: "Blocked (limit 0)",
      after: "1,000 characters",
    });
  });

  it("builds a PATCH body with only the changed fields and what they were, which the shared schema accepts", () => {
    const body = changeBody(original, { ...original, characterLimit: null });
    expect(body).toEqual({ characterLimit: null, expected: { characterLimit: 1000 } });
    expect(keyChangeSchema.safeParse(body).success).toBe(true);
  });

  it("after a conflict, says which touched fields moved meanwhile", () => {
    const current = { ...original, characterLimit: 5000, name: "renamed" };
    expect(movedFields(original, current, ["characterLimit"])).toEqual([
      {
        field: "characterLimit",
        label: "Monthly limit",
        before: "1,000 characters",
        after: "5,000 characters",
      },
    ]);
  });
});
