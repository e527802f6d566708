import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { STRICT_POLICY } from "./upstream-address";
import { upstreamPolicy, upstreamUrlProblem, type ResolveAll } from "./upstream-address-guard";

const REAL = { ELEVENLABS_API_KEY: "adm_key" };

describe("upstreamPolicy", () => {
  it("allows nothing private in real mode unless KEYDESK_ALLOW_PRIVATE_UPSTREAMS=true", () => {
    expect(upstreamPolicy(readEnv(REAL))).toEqual({ loopback: false, private: false });
    expect(upstreamPolicy(readEnv({ ...REAL, KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "" }))).toEqual(STRICT_POLICY);
    expect(upstreamPolicy(readEnv({ ...REAL, KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "true" }))).toEqual({
      loopback: true,
      private: true,
    });
  });

  it("allows loopback (the emulators) in demo mode, and nothing when told false", () => {
    expect(upstreamPolicy(readEnv({}))).toEqual({ loopback: true, private: false });
    expect(upstreamPolicy(readEnv({ KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "false" }))).toEqual(STRICT_POLICY);
  });

  it("refuses any other value, naming the variable", () => {
    expect(() => readEnv({ KEYDESK_ALLOW_PRIVATE_UPSTREAMS: "yes" })).toThrow(
      /KEYDESK_ALLOW_PRIVATE_UPSTREAMS: must be true or false/,
    );
  });
});

const resolvesTo =
  (...addresses: string[]): ResolveAll =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("upstreamUrlProblem", () => {
  it("judges a name by every address it resolves to: one refused address is enough", async () => {
    expect(
      await upstreamUrlProblem("https://api.example.com", STRICT_POLICY, resolvesTo("93.184.216.34")),
    ).toBeNull();
    expect(
      await upstreamUrlProblem(
        "https://api.example.com",
        STRICT_POLICY,
        resolvesTo("93.184.216.34", "127.0.0.1"),
      ),
    ).toMatch(/^Must not point at api\.example\.com \(127\.0\.0\.1\): it is a loopback address/);
    expect(
      await upstreamUrlProblem(
        "https://metadata.google.internal",
        { loopback: true, private: true },
        resolvesTo("169.254.169.254"),
      ),
    ).toMatch(/link-local/);
    expect(
      await upstreamUrlProblem("https://api.example.com", STRICT_POLICY, resolvesTo("::ffff:10.0.0.1")),
    ).toMatch(/private network.*KEYDESK_ALLOW_PRIVATE_UPSTREAMS/);
  });

  it("allows plain http to a name only where it resolves to an allowed private address", async () => {
    const allowing = { loopback: true, private: true };
    expect(await upstreamUrlProblem("http://docspace.corp", allowing, resolvesTo("10.1.2.3"))).toBeNull();
    expect(await upstreamUrlProblem("http://docspace.corp", allowing, resolvesTo("93.184.216.34"))).toMatch(
      /^Must start with https:\/\//,
    );
    expect(await upstreamUrlProblem("http://docspace.corp", STRICT_POLICY, resolvesTo("10.1.2.3"))).toMatch(
      /^Must start with https:\/\//,
    );
  });

  it("leaves a name that does not resolve to the call, which cannot connect", async () => {
    const fails: ResolveAll = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await upstreamUrlProblem("https://nowhere.invalid", STRICT_POLICY, fails)).toBeNull();
  });

  it("never resolves an address written in the URL", async () => {
    const never: ResolveAll = async () => expect.unreachable("resolved an address");
    expect(await upstreamUrlProblem("https://8.8.8.8", STRICT_POLICY, never)).toBeNull();
    expect(await upstreamUrlProblem("https://[::1]:8443", STRICT_POLICY, never)).toMatch(/loopback/);
  });
});
