import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CredentialDecryptError, credentialHint, encryptionKey, open, seal } from "./crypto";

const CREDENTIAL = "sk-0123456789abcdef0123456789abcdef0123456789abcdef";
const key = encryptionKey(randomBytes(32));
const other = encryptionKey(randomBytes(32));

describe("connection credential encryption", () => {
  it("round-trips, with a fresh IV each time and no part of the credential in the ciphertext", () => {
    const a = seal(key, "conn_a", CREDENTIAL);
    const b = seal(key, "conn_a", CREDENTIAL);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.keyId).toBe(key.id);
    expect(a.ciphertext).not.toContain(CREDENTIAL.slice(-8));
    expect(Buffer.from(a.ciphertext.slice(3), "base64").toString("latin1")).not.toContain("abcdef01");
    expect(open([key], "conn_a", a)).toBe(CREDENTIAL);
    expect(open([other, key], "conn_a", b)).toBe(CREDENTIAL);
  });

  it("refuses a ciphertext moved to another connection (the id is the additional data)", () => {
    const sealed = seal(key, "conn_a", CREDENTIAL);
    expect(() => open([key], "conn_b", sealed)).toThrow(CredentialDecryptError);
  });

  it("refuses any changed byte: IV, body or tag", () => {
    const sealed = seal(key, "conn_a", CREDENTIAL);
    const bytes = Buffer.from(sealed.ciphertext.slice(3), "base64");
    for (const at of [0, 12, 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[at]! ^= 0x01;
      expect(() =>
        open([key], "conn_a", { ...sealed, ciphertext: `v1:${tampered.toString("base64")}` }),
      ).toThrow(CredentialDecryptError);
    }
    expect(() => open([key], "conn_a", { ...sealed, ciphertext: "v1:" })).toThrow(CredentialDecryptError);
    expect(() =>
      open([key], "conn_a", { ...sealed, ciphertext: sealed.ciphertext.replace("v1", "v2") }),
    ).toThrow(CredentialDecryptError);
  });

  it("refuses a wrong key: one not held, and a held key under another's id", () => {
    const sealed = seal(key, "conn_a", CREDENTIAL);
    expect(() => open([other], "conn_a", sealed)).toThrow(/key Keydesk does not have/);
    expect(() => open([{ id: key.id, bytes: other.bytes }], "conn_a", sealed)).toThrow(
      CredentialDecryptError,
    );
  });

  it("never puts the credential in an error message", () => {
    const sealed = seal(key, "conn_a", CREDENTIAL);
    for (const attempt of [() => open([key], "conn_b", sealed), () => open([other], "conn_a", sealed)]) {
      const error = (() => {
        try {
          attempt();
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error?.message).not.toContain(CREDENTIAL);
      expect(error?.message).not.toContain(key.bytes.toString("hex"));
    }
  });

  it("key ids tell keys apart without being the key", () => {
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(key.id).not.toBe(other.id);
    expect(key.bytes.toString("hex")).not.toContain(key.id);
    expect(encryptionKey(Buffer.from(key.bytes)).id).toBe(key.id);
    expect(() => encryptionKey(randomBytes(16))).toThrow();
  });

  it("the hint is the last four characters", () => {
    expect(credentialHint(CREDENTIAL)).toBe("cdef");
    expect(credentialHint("ab")).toBe("");
    expect(credentialHint("short-token")).toBe("");
  });
});
