import { describe, expect, it } from "vitest";
import type { KeyPermissions } from "@/lib/providers/types";
import { mayBeConnectionCredential } from "./own-credential";

const scopes = (value: KeyPermissions): KeyPermissions => value;

describe("mayBeConnectionCredential", () => {
  it("matches a key whose hint is the credential's last four characters, and no other", () => {
    const permissions = scopes({ kind: "scopes", value: "all", unknown: [] });
    expect(mayBeConnectionCredential({ hint: "x9Qz", permissions }, "x9Qz")).toBe(true);
    expect(mayBeConnectionCredential({ hint: "x9QZ", permissions }, "x9Qz")).toBe(false);
    expect(mayBeConnectionCredential({ hint: "abcd", permissions }, "x9Qz")).toBe(false);
    // A longer hint compares by its end.
    expect(mayBeConnectionCredential({ hint: "77x9Qz", permissions }, "x9Qz")).toBe(true);
  });

  it("without a hint to compare, says a key with full access may be it, and a narrower key not", () => {
    const privateKey = scopes({ kind: "key_type", value: "private" });
    const publicKey = scopes({ kind: "key_type", value: "public" });
    expect(mayBeConnectionCredential({ hint: null, permissions: privateKey }, "x9Qz")).toBe(true);
    expect(mayBeConnectionCredential({ hint: null, permissions: publicKey }, "x9Qz")).toBe(false);
    // A credential too short to have a hint.
    const all = scopes({ kind: "permission_list", value: "all", unknown: [] });
    const some = scopes({ kind: "permission_list", value: ["voices_read"], unknown: [] });
    expect(mayBeConnectionCredential({ hint: "abcd", permissions: all }, "")).toBe(true);
    expect(mayBeConnectionCredential({ hint: "abcd", permissions: some }, "")).toBe(false);
  });
});
