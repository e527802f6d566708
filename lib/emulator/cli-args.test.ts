// `npm run emulator` reads its flags here: which provider (ElevenLabs unless told), its seed, and
// every mistake named before anything starts.
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./cli-args";

const base = ["--admin-key", "K"];

describe("parseCliArgs", () => {
  it("is ElevenLabs with the demo seed on 127.0.0.1:4010 unless told otherwise (today's command)", () => {
    expect(parseCliArgs(base)).toEqual({
      kind: "start",
      provider: "elevenlabs",
      adminKeys: ["K"],
      seed: "demo",
      control: false,
      host: "127.0.0.1",
      port: 4010,
      maxServiceAccounts: 20,
      trustForwardedFor: false,
    });
  });

  it("ElevenLabs alone takes --trust-forwarded-for (tests calling from outside an allowlist)", () => {
    expect(parseCliArgs([...base, "--trust-forwarded-for"])).toMatchObject({ trustForwardedFor: true });
    expect(() => parseCliArgs(["--provider", "docspace", ...base, "--trust-forwarded-for"])).toThrow(
      /--trust-forwarded-for is for --provider elevenlabs/,
    );
  });

  it.each(["docspace", "voiceable", "elevenlabs"])("--provider %s picks that emulator", (provider) => {
    const plan = parseCliArgs([
      "--provider",
      provider,
      "--port",
      "0",
      "--seed",
      "empty",
      "--control",
      ...base,
    ]);
    expect(plan).toMatchObject({ kind: "start", provider, port: 0, seed: "empty", control: true });
  });

  it("ElevenLabs alone takes a bulk seed and --max-service-accounts", () => {
    expect(parseCliArgs([...base, "--seed", "3x4", "--max-service-accounts", "7"])).toMatchObject({
      seed: { serviceAccounts: 3, keysPerAccount: 4 },
      maxServiceAccounts: 7,
    });
    expect(() => parseCliArgs(["--provider", "docspace", ...base, "--seed", "3x4"])).toThrow(
      /--seed must be demo or empty/,
    );
    expect(() => parseCliArgs(["--provider", "voiceable", ...base, "--max-service-accounts", "3"])).toThrow(
      /--max-service-accounts is for --provider elevenlabs/,
    );
  });

  it.each([
    [["--provider", "openai", ...base], /--provider must be elevenlabs, docspace or voiceable/],
    [[], /--admin-key is required/],
    [[...base, "--port", "70000"], /--port must be a port number/],
    [[...base, "--seed", "lots"], /--seed must be demo, empty or <accounts>x<keys>/],
    [[...base, "--colour"], /Unknown option/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it("--help asks for the usage", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
  });
});
