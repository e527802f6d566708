import { describe, expect, it } from "vitest";
import { classifyQuery } from "./classify";

const SECRET = `sk_${"0123456789abcdef".repeat(3)}`;

describe("classifyQuery", () => {
  it("takes sk_ and hex for a secret, whatever its length, with its last four characters", () => {
    expect(classifyQuery(`  ${SECRET}\n`)).toEqual({
      kind: "secret",
      secret: SECRET,
      shape: "sk",
      hint: "cdef",
    });
    expect(classifyQuery("sk_ab12")).toEqual({
      kind: "secret",
      secret: "sk_ab12",
      shape: "sk",
      hint: "ab12",
    });
  });

  it("finds a secret inside a pasted line and hashes only the secret", () => {
    expect(classifyQuery(`ELEVENLABS_API_KEY=${SECRET}`)).toMatchObject({
      kind: "secret",
      secret: SECRET,
      shape: "sk",
    });
    expect(classifyQuery(`"xi-api-key": "${SECRET}",`)).toMatchObject({ kind: "secret", secret: SECRET });
  });

  it("treats 20 or more characters without a space as a secret (a key id or a long name too)", () => {
    expect(classifyQuery("AbCdEfGhIjKlMnOpQrSt")).toEqual({
      kind: "secret",
      secret: "AbCdEfGhIjKlMnOpQrSt",
      shape: "token",
      hint: "QrSt",
    });
    expect(classifyQuery("agent-analytics-readonly")).toMatchObject({
      kind: "secret",
      shape: "token",
      hint: "only",
    });
    expect(classifyQuery("AbCdEfGhIjKlMnOpQrS")).toEqual({ kind: "text", text: "AbCdEfGhIjKlMnOpQrS" });
  });

  it("takes four characters without a space for a hint", () => {
    expect(classifyQuery(" ab12 ")).toEqual({ kind: "hint", text: "ab12" });
    expect(classifyQuery("a b1")).toEqual({ kind: "text", text: "a b1" });
    expect(classifyQuery("ab1")).toEqual({ kind: "text", text: "ab1" });
  });

  it("takes anything else for a name or id, trimmed, spaces kept", () => {
    expect(classifyQuery("  prod tts  ")).toEqual({ kind: "text", text: "prod tts" });
    expect(classifyQuery("Production TTS backend key")).toEqual({
      kind: "text",
      text: "Production TTS backend key",
    });
  });
});
