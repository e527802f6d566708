import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeEd25519Key, readEnv } from "@/lib/env";
import { anchorLine, readAnchorLine, signAnchor } from "./anchor-format";
import { anchorKeyId } from "./anchor-key";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const der = privateKey.export({ format: "der", type: "pkcs8" });
const keyId = anchorKeyId(publicKey);
const facts = { at: "2026-12-07T12:00:00.000Z", rows: 120, lastId: 120, lastHash: "a".repeat(64) };

describe("decodeEd25519Key", () => {
  const same = (k: ReturnType<typeof decodeEd25519Key>) =>
    k!.export({ format: "der", type: "pkcs8" }).equals(der);

  it("takes PEM, PEM with \\n written out, base64 DER and the raw 32 bytes", () => {
    expect(same(decodeEd25519Key(pem, "private"))).toBe(true);
    expect(same(decodeEd25519Key(pem.replace(/\n/g, "\\n"), "private"))).toBe(true);
    expect(same(decodeEd25519Key(der.toString("base64"), "private"))).toBe(true);
    expect(same(decodeEd25519Key(der.subarray(16).toString("base64"), "private"))).toBe(true);
    const spki = publicKey.export({ format: "der", type: "spki" });
    expect(decodeEd25519Key(spki.toString("base64"), "public")).not.toBeNull();
    expect(decodeEd25519Key(spki.subarray(12).toString("base64"), "public")).not.toBeNull();
  });

  it("refuses other key types, a private key given as the public one, and garbage", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
      format: "pem",
      type: "pkcs8",
    });
    expect(decodeEd25519Key(rsa.toString(), "private")).toBeNull();
    expect(decodeEd25519Key(pem, "public")).toBeNull();
    expect(decodeEd25519Key("not a key at all", "private")).toBeNull();
    expect(decodeEd25519Key("AAAA", "private")).toBeNull();
    expect(decodeEd25519Key("ab\u0000cd", "private")).toBeNull();
  });

  it("names the variable without quoting the value, and catches a public key that is not the pair's", () => {
    const bad = der.toString("base64").slice(0, 40);
    expect(() => readEnv({ KEYDESK_AUDIT_ANCHOR_KEY: bad })).toThrow(
      /KEYDESK_AUDIT_ANCHOR_KEY: must be an Ed25519/,
    );
    try {
      readEnv({ KEYDESK_AUDIT_ANCHOR_KEY: bad });
    } catch (error) {
      expect(String(error)).not.toContain(bad);
    }
    const other = generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" }).toString();
    let message = "";
    try {
      readEnv({ KEYDESK_AUDIT_ANCHOR_KEY: pem, KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY: other });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/KEYDESK_AUDIT_ANCHOR_PUBLIC_KEY: is not the public half/);
    expect(message).not.toContain(der.toString("base64").slice(20, 60));
    expect(readEnv({}).KEYDESK_AUDIT_ANCHOR_MINUTES).toBe(60);
    expect(() => readEnv({ KEYDESK_AUDIT_ANCHOR_MINUTES: "721" })).toThrow(/KEYDESK_AUDIT_ANCHOR_MINUTES/);
  });
});

describe("an anchor line", () => {
  const line = anchorLine(signAnchor(facts, privateKey, keyId));

  it("reads back what was signed", () => {
    expect(readAnchorLine(line, 1, publicKey, keyId)).toEqual({
      ok: true,
      line: 1,
      anchor: { v: 1, ...facts, keyId, signature: expect.any(String) },
    });
  });

  it("refuses a line whose facts were changed after signing (fewer rows)", () => {
    const forged = line.replace('"rows":120', '"rows":100');
    expect(readAnchorLine(forged, 2, publicKey, keyId)).toEqual({
      ok: false,
      line: 2,
      reason: "bad_signature",
    });
  });

  it("refuses a line signed by another key, even claiming our key id", () => {
    const other = generateKeyPairSync("ed25519").privateKey;
    expect(readAnchorLine(anchorLine(signAnchor(facts, other, keyId)), 3, publicKey, keyId)).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
    expect(
      readAnchorLine(anchorLine(signAnchor(facts, other, "0".repeat(16))), 3, publicKey, keyId),
    ).toMatchObject({ ok: false, reason: "other_key" });
  });

  it("refuses what is not an anchor", () => {
    for (const text of ["{", "[]", '{"v":2}', JSON.stringify({ ...JSON.parse(line), rows: 0 })])
      expect(readAnchorLine(text, 4, publicKey, keyId)).toMatchObject({ ok: false, reason: "unreadable" });
  });
});
