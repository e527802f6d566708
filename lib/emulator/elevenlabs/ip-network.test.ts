// The emulator's IP-network parser against Python's `ipaddress`, whose answers were generated once and
// kept as data (ip-network.cases.ts): ElevenLabs is a Python service, so Python decides what is valid.
import { describe, expect, it } from "vitest";
import { CONTAINMENT_CASES, NETWORK_CASES } from "./ip-network.cases";
import {
  addressInNetwork,
  allowlistAdmits,
  normaliseIpNetwork,
  parseIpAddress,
  parseIpNetwork,
} from "./ip-network";

describe("normaliseIpNetwork is str(ipaddress.ip_network(text, strict=False))", () => {
  it.each(NETWORK_CASES)("%j gives %j", (input, python) => {
    expect(normaliseIpNetwork(input)).toBe(python);
  });

  it("the table covers what it claims: accepted and refused, both versions, scope ids, netmasks", () => {
    const accepted = NETWORK_CASES.filter(([, out]) => out !== null);
    expect(accepted.length).toBeGreaterThan(100);
    expect(NETWORK_CASES.length - accepted.length).toBeGreaterThan(80);
    expect(accepted.some(([, out]) => out!.includes("%"))).toBe(true);
    expect(accepted.some(([input]) => input.includes("/255."))).toBe(true);
  });

  it("a saved entry reads back as itself (the emulator re-parses what it stored)", () => {
    for (const [, out] of NETWORK_CASES) {
      if (out !== null) expect(normaliseIpNetwork(out)).toBe(out);
    }
  });

  // Python 3.11+ refuses int() of more than 4300 digits, and a prefix goes through int().
  it("a prefix of up to 4300 digits is read; one digit more is refused, as int() refuses it", () => {
    expect(normaliseIpNetwork(`10.0.0.1/${"0".repeat(4298)}24`)).toBe("10.0.0.0/24");
    expect(normaliseIpNetwork(`10.0.0.1/${"0".repeat(4299)}24`)).toBeNull();
    expect(normaliseIpNetwork(`::1/${"0".repeat(4298)}64`)).toBe("::/64");
    expect(normaliseIpNetwork(`::1/${"0".repeat(4299)}64`)).toBeNull();
  });

  it("an IPv4-mapped address prints with its IPv4 tail, as Python 3.13 prints it", () => {
    expect(normaliseIpNetwork("::ffff:102:304")).toBe("::ffff:1.2.3.4/128");
    expect(normaliseIpNetwork("::ffff:1.2.3.4/95")).toBe("::fffe:0:0/95");
    expect(normaliseIpNetwork("::1.2.3.4")).toBe("::102:304/128");
  });

  it("keeps a scope id only when no host bits were masked, as Python does", () => {
    expect(parseIpNetwork("fe80::1%eth0")).toMatchObject({ version: 6, prefix: 128, scopeId: "eth0" });
    expect(parseIpNetwork("fe80::1%eth0/64")).toMatchObject({ version: 6, prefix: 64, scopeId: null });
  });
});

describe("addressInNetwork is Python's `ip_address(a) in ip_network(n, strict=False)`", () => {
  it.each(CONTAINMENT_CASES)("%s contains %s: %s", (network, address, python) => {
    const net = parseIpNetwork(network);
    const addr = parseIpAddress(address);
    expect(net).not.toBeNull();
    expect(addr).not.toBeNull();
    expect(addressInNetwork(addr!, net!)).toBe(python);
  });
});

describe("parseIpAddress is ipaddress.ip_address", () => {
  it.each([
    ["10.0.0.1", 4],
    ["::1", 6],
    ["fe80::1%eth0", 6],
    ["::ffff:10.0.0.1", 6],
  ] as const)("reads %s as IPv%s", (text, version) => {
    expect(parseIpAddress(text)?.version).toBe(version);
  });

  it.each(["", "10.0.0.1/32", "::1/128", "01.2.3.4", " 10.0.0.1", "10.0.0.1%eth0", "nope", "::1%"])(
    "refuses %j",
    (text) => {
      expect(parseIpAddress(text)).toBeNull();
    },
  );
});

describe("allowlistAdmits: the auth ladder's step 3", () => {
  const list = ["203.0.113.0/24", "2001:db8::/32"];

  it("admits every client when there is no allowlist", () => {
    expect(allowlistAdmits(null, "203.0.113.9")).toBe(true);
    expect(allowlistAdmits(null, "not an address")).toBe(true);
  });

  it("admits clients inside an entry and refuses the others", () => {
    expect(allowlistAdmits(list, "203.0.113.9")).toBe(true);
    expect(allowlistAdmits(list, "203.0.114.9")).toBe(false);
    expect(allowlistAdmits(list, "2001:db8:ffff::1")).toBe(true);
    expect(allowlistAdmits(list, "2001:db9::1")).toBe(false);
  });

  it("refuses a client whose address cannot be read", () => {
    expect(allowlistAdmits(["0.0.0.0/0", "::/0"], "nope")).toBe(false);
    expect(allowlistAdmits(["0.0.0.0/0", "::/0"], "")).toBe(false);
  });

  // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; that caller is an IPv4 client
  // (DECISIONS.md), in either spelling of the mapped address.
  it("matches an IPv4-mapped client as the IPv4 address it carries", () => {
    expect(allowlistAdmits(["10.0.0.0/8"], "::ffff:10.0.0.1")).toBe(true);
    expect(allowlistAdmits(["10.0.0.0/8"], "::ffff:a00:1")).toBe(true);
    expect(allowlistAdmits(["10.0.0.0/8"], "::ffff:11.0.0.1")).toBe(false);
    // ... and so not as an IPv6 address: a mapped entry admits nobody, as it admits no IPv4 client in Python.
    expect(allowlistAdmits(["::ffff:10.0.0.0/104"], "::ffff:10.0.0.1")).toBe(false);
    expect(allowlistAdmits(["::ffff:10.0.0.0/104"], "10.0.0.1")).toBe(false);
    expect(allowlistAdmits(["::/0"], "::ffff:10.0.0.1")).toBe(false);
  });

  it("ignores scope ids when matching, as Python compares the addresses' numbers", () => {
    expect(allowlistAdmits(["fe80::/64"], "fe80::1%eth0")).toBe(true);
    expect(allowlistAdmits(["fe80::1%eth0/128"], "fe80::1")).toBe(true);
  });

  it("skips an entry that is not a network rather than failing the whole list", () => {
    expect(allowlistAdmits(["garbage", "203.0.113.0/24"], "203.0.113.9")).toBe(true);
  });
});
