// The parts of lib/leaks that need no database: the two signatures, the keys cache's refetch
// limit, the URL kept without the token, and the environment's three variables.
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { githubKeys } from "./github-keys";
import { readP256Key, verifyGithubSignature } from "./github-signature";
import { checkHmacSignature, signatureHeader } from "./hmac-signature";
import { leakReason, safeUrl } from "./words";

function pair(curve = "prime256v1") {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: curve });
  return { privateKey, pem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

describe("GitHub's signature", () => {
  const { privateKey, pem } = pair();
  const key = readP256Key(pem)!;
  const body = Buffer.from('[{"token":"x"}]');
  const signature = sign("sha256", body, { key: privateKey, dsaEncoding: "der" }).toString("base64");

  it("verifies the body's ECDSA P-256 signature, and nothing else", () => {
    expect(verifyGithubSignature(key, body, signature)).toBe(true);
    expect(verifyGithubSignature(key, Buffer.from('[{"token":"y"}]'), signature)).toBe(false);
    expect(verifyGithubSignature(key, body, "AAAA")).toBe(false);
    expect(verifyGithubSignature(key, body, "not base64!")).toBe(false);
  });

  it("takes only P-256 keys", () => {
    expect(readP256Key(pair("secp384r1").pem)).toBeNull();
    expect(readP256Key("not a key")).toBeNull();
  });
});

describe("the keys cache", () => {
  it("reads once for many unknown identifiers within the minute, and again after it", async () => {
    const { pem } = pair();
    let reads = 0;
    let now = 0;
    const fetch = (async () => {
      reads++;
      return Response.json({ public_keys: [{ key_identifier: "k1", key: pem, is_current: true }] });
    }) as typeof globalThis.fetch;
    const keys = githubKeys({ url: "https://keys.test/", fetch, now: () => now });
    expect(await keys.get("k1")).not.toBeNull();
    await Promise.all(["a", "b", "c"].map((id) => keys.get(id)));
    expect(await keys.get("k1")).not.toBeNull();
    expect(reads).toBe(1);
    now = 60_000;
    await Promise.all(["d", "e"].map((id) => keys.get(id)));
    expect(reads).toBe(2);
  });

  it("says the keys cannot be read when the URL fails and the key is not cached", async () => {
    const fetch = (async () => new Response("no", { status: 500 })) as typeof globalThis.fetch;
    await expect(githubKeys({ url: "https://keys.test/", fetch }).get("k1")).rejects.toThrow(
      "could not be read",
    );
  });
});

describe("the generic endpoint's signature", () => {
  const secret = "s".repeat(32);
  const body = Buffer.from("[]");
  it("accepts its own header, and refuses another secret, another body, an old time and a bad header", () => {
    const now = Date.now();
    expect(checkHmacSignature(secret, signatureHeader(secret, body, now), body, now)).toBe("ok");
    expect(checkHmacSignature(secret, signatureHeader("t".repeat(32), body, now), body, now)).toBe(
      "bad_signature",
    );
    expect(checkHmacSignature(secret, signatureHeader(secret, "[1]", now), body, now)).toBe("bad_signature");
    expect(checkHmacSignature(secret, signatureHeader(secret, body, now - 301_000), body, now)).toBe("stale");
    expect(checkHmacSignature(secret, "v1=abc", body, now)).toBe("malformed");
    expect(checkHmacSignature(secret, null, body, now)).toBe("missing");
  });
});

describe("what is kept of a URL", () => {
  it("never the token, nor anything secret-shaped", () => {
    const token = "tok_abcdefghijklmnopqrstuvwxyz";
    expect(safeUrl(`https://paste.example/?k=${token}&sk=sk_${"a".repeat(40)}`, token)).toBe(
      "https://paste.example/?k=[redacted]&sk=sk_[redacted]",
    );
    expect(safeUrl(null, token)).toBeNull();
    expect(leakReason("github", "https://github.com/a")).toBe(
      "reported public by GitHub secret scanning: https://github.com/a",
    );
    expect(leakReason("github", `https://x/${"a".repeat(600)}`).length).toBe(500);
  });
});

describe("the environment", () => {
  it("has GitHub's keys URL, auto-disable on and no webhook secret by default", () => {
    const e = readEnv({});
    expect(e.KEYDESK_GITHUB_KEYS_URL).toBe("https://api.github.com/meta/public_keys/secret_scanning");
    expect(e.KEYDESK_LEAK_AUTO_DISABLE).toBe("on");
    expect(e.KEYDESK_LEAK_WEBHOOK_SECRET).toBeUndefined();
  });

  it("refuses a plain-http keys URL in production (but loopback), a short secret and a bad switch", () => {
    expect(() =>
      readEnv({ NODE_ENV: "production", KEYDESK_GITHUB_KEYS_URL: "http://keys.example/k" }),
    ).toThrow(/KEYDESK_GITHUB_KEYS_URL: must be an https URL in production/);
    expect(() =>
      readEnv({ NODE_ENV: "production", KEYDESK_GITHUB_KEYS_URL: "http://localhost.example/k" }),
    ).toThrow(/KEYDESK_GITHUB_KEYS_URL: must be an https URL in production/);
    // This machine's own stand-in (the browser tests run production builds) is accepted.
    expect(() =>
      readEnv({ NODE_ENV: "production", KEYDESK_GITHUB_KEYS_URL: "http://127.0.0.1:4400/k" }),
    ).not.toThrow(/KEYDESK_GITHUB_KEYS_URL/);
    expect(readEnv({ KEYDESK_GITHUB_KEYS_URL: "http://127.0.0.1:1/k" }).KEYDESK_GITHUB_KEYS_URL).toBe(
      "http://127.0.0.1:1/k",
    );
    expect(() => readEnv({ KEYDESK_LEAK_WEBHOOK_SECRET: "short" })).toThrow(/at least 32 characters/);
    expect(() => readEnv({ KEYDESK_LEAK_AUTO_DISABLE: "maybe" })).toThrow(/must be on or off/);
  });
});
