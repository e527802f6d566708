// The guard refuses hostile names and ids before anything goes upstream, whatever the provider.
import { describe, expect, it } from "vitest";
import { ProviderRefusal } from "./errors";
import { checkChanges, checkNewKey, checkRef, isSafeId } from "./guard";
import { getProvider } from "./index";

const docspace = getProvider("docspace").capabilities;
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (ProviderRefusal.is(error)) return { kind: error.kind, field: error.field };
    throw error;
  }
  return expect.unreachable("expected a refusal");
};

describe("ids", () => {
  it.each(["", ".", "..", "a/b", "../keys", "a\u0000b", "a\nb", "\uD800", "x\uDFFFy", "k".repeat(201)])(
    "refuses %j",
    (id) => {
      expect(isSafeId(id)).toBe(false);
      expect(refusal(() => checkRef({ id }))).toEqual({ kind: "invalid", field: ["id"] });
    },
  );

  it.each(["7", "1b7e6a9c-2f4d-4d1e-9f3a-0c5e8b2d4a61", "key_AbC123", "..x", "😀"])("accepts %j", (id) => {
    expect(isSafeId(id)).toBe(true);
    expect(() => checkRef({ id })).not.toThrow();
  });

  it("refuses a group id that cannot be a path segment", () => {
    expect(refusal(() => checkRef({ id: "k", group: { id: ".." } }))).toEqual({
      kind: "invalid",
      field: ["group"],
    });
    const eleven = getProvider("elevenlabs").capabilities;
    expect(
      refusal(() =>
        checkNewKey(eleven, {
          name: "n",
          groupId: "a/b",
          permissions: { kind: "permission_list", value: "all" },
        }),
      ),
    ).toEqual({ kind: "invalid", field: ["groupId"] });
  });
});

describe("names", () => {
  it.each(["", "   ", "a\u0000b", "tab\there", "broken \uD83D", "\uDE00 broken"])("refuses %j", (name) => {
    expect(
      refusal(() => checkNewKey(docspace, { name, permissions: { kind: "scopes", value: "all" } })),
    ).toEqual({
      kind: "invalid",
      field: ["name"],
    });
    expect(refusal(() => checkChanges(docspace, { name }))).toEqual({ kind: "invalid", field: ["name"] });
  });

  it("accepts ordinary Unicode, emoji included, up to the provider's length", () => {
    expect(() =>
      checkNewKey(docspace, { name: "Ключ 😀 für Büro", permissions: { kind: "scopes", value: "all" } }),
    ).not.toThrow();
    expect(() => checkChanges(docspace, { name: "x".repeat(30) })).not.toThrow();
  });
});
