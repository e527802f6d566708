import { describe, expect, it } from "vitest";
import { isAllowedByAllowlist, normaliseAllowlistEntry } from "./cidr";

describe("normaliseAllowlistEntry", () => {
  it.each([
    ["10.0.0.1", "10.0.0.1/32"],
    ["10.0.0.7/24", "10.0.0.0/24"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["192.168.1.255/31", "192.168.1.254/31"],
    ["2001:db8::1", "2001:db8::1/128"],
    ["2001:DB8:0:0:0:0:0:1/64", "2001:db8::/64"],
    ["2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1/128"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1/128"],
    ["2001:db8:1:0:1:1:1:1", "2001:db8:1:0:1:1:1:1/128"],
    ["::", "::/128"],
    ["::1", "::1/128"],
    ["::ffff:1.2.3.4", "::ffff:102:304/128"],
    ["fe80::/10", "fe80::/10"],
    ["2001:db8:abcd:12::/48", "2001:db8:abcd::/48"],
  ])("%s is saved as %s", (input, expected) => {
    expect(normaliseAllowlistEntry(input)).toBe(expected);
  });

  it.each([
    "",
    "10.0.0",
    "10.0.0.256",
    "010.0.0.1",
    "10.0.0.1/33",
    "10.0.0.1/",
    "10.0.0.1/-1",
    "10.0.0.1/08",
    " 10.0.0.1",
    "2001:db8::1::2",
    "2001:db8:::1",
    "12345::",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "::/129",
    "fe80::1%eth0",
    "example.com",
  ])("refuses %j", (input) => {
    expect(normaliseAllowlistEntry(input)).toBeNull();
  });
});

describe("isAllowedByAllowlist", () => {
  it("allows every address without an allowlist", () => {
    expect(isAllowedByAllowlist(null, "203.0.113.9")).toBe(true);
  });
  it("matches addresses inside a range and refuses others", () => {
    const list = ["203.0.113.0/24", "2001:db8::/32"];
    expect(isAllowedByAllowlist(list, "203.0.113.9")).toBe(true);
    expect(isAllowedByAllowlist(list, "203.0.114.9")).toBe(false);
    expect(isAllowedByAllowlist(list, "2001:db8:ffff::1")).toBe(true);
    expect(isAllowedByAllowlist(list, "2001:db9::1")).toBe(false);
  });
  it("treats an IPv4-mapped IPv6 address as its IPv4 address", () => {
    expect(isAllowedByAllowlist(["127.0.0.1/32"], "::ffff:127.0.0.1")).toBe(true);
  });
  it("refuses text that is not an address", () => {
    expect(isAllowedByAllowlist(["0.0.0.0/0"], "nope")).toBe(false);
  });
});
