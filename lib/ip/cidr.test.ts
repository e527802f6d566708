import { describe, expect, it } from "vitest";
import { allowlistEntryProblem, isAllowedByAllowlist, normaliseAllowlistEntry, parseIpAddress } from "./cidr";

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
    ["::ffff:1.2.3.4", null], // IPv4-mapped: refused, see below
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

// What ElevenLabs (Python) saves: `str(ipaddress.ip_network(input, strict=False))` as printed by
// python3 3.11.7, or null where it raised ValueError. Pasted as data so the test never runs Python.
const PYTHON_ANSWERS: [input: string, python: string | null][] = [
  ["192.0.2.1", "192.0.2.1/32"],
  ["192.0.2.1/24", "192.0.2.0/24"],
  ["198.51.100.77/25", "198.51.100.0/25"],
  ["255.255.255.255/1", "128.0.0.0/1"],
  ["172.16.5.4/12", "172.16.0.0/12"],
  ["10.0.0.1/0", "0.0.0.0/0"],
  ["2001:db8::", "2001:db8::/128"],
  ["2001:DB8::AB", "2001:db8::ab/128"],
  ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128"],
  ["0:0:0:0:0:0:0:0", "::/128"],
  ["1:0:0:0:0:0:0:0", "1::/128"],
  ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0/128"],
  ["::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8/128"],
  ["1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0/128"],
  ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1/128"],
  ["2001:db8::ffff/120", "2001:db8::ff00/120"],
  ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/1", "8000::/1"],
  ["::/0", "::/0"],
  ["::FFFF:1.2.3.4", "::ffff:102:304/128"],
  ["::ffff:1.2.3.4/96", "::ffff:0:0/96"],
  ["::ffff:255.255.255.255/127", "::ffff:ffff:fffe/127"],
  ["::1.2.3.4", "::102:304/128"],
  ["::1.2.3.4/120", "::102:300/120"],
  ["::ffff:0:1.2.3.4", "::ffff:0:102:304/128"],
  ["64:ff9b::192.0.2.33", "64:ff9b::c000:221/128"],
  ["1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304/128"],
  ["1:2:3:4:5:6:7:1.2.3.4", null],
  ["127.1", null],
  ["0xc0.1", null],
  ["3232235777", null],
  ["01.2.3.4", null],
  ["256.1.1.1", null],
  ["1.2.3.4.5", null],
  ["::ffff:01.2.3.4", null],
  ["::ffff:1.2.3.04", null],
  ["::ffff:0x1.2.3.4", null],
  ["::ffff:1.2.3", null],
  ["02001:db8::", null],
  ["1.2.3.4 ", null],
  ["1.2.3.4\n", null],
  ["1.2.3.4/+8", null],
  ["1.2.3.4/ 8", null],
  ["\u0661.2.3.4", null],
  ["1.2.3.4/\u0668", null],
  ["1.2.3.4/32/32", null],
  // Python accepts these; Keydesk refuses them on purpose (see STRICTER_THAN_PYTHON).
  ["1.2.3.4/024", "1.2.3.0/24"],
  ["::/0128", "::/128"],
  ["10.0.0.0/255.255.255.0", "10.0.0.0/24"],
  ["10.0.0.0/0.0.0.255", "10.0.0.0/24"],
  ["fe80::1%eth0", "fe80::1%eth0/128"],
  ["fe80::1%1/64", "fe80::/64"],
  ["::ffff:1.2.3.4%eth0", "::ffff:102:304%eth0/128"],
];

// Keydesk may refuse what Python accepts (a prefix with a leading zero, netmask and hostmask forms,
// zone ids, IPv4-mapped networks, which Python 3.13 prints differently from 3.9-3.12), but must
// never accept what Python refuses or save a different string.
const STRICTER_THAN_PYTHON = new Set([
  "::FFFF:1.2.3.4",
  "::ffff:1.2.3.4/96",
  "::ffff:255.255.255.255/127",
  "1.2.3.4/024",
  "::/0128",
  "10.0.0.0/255.255.255.0",
  "10.0.0.0/0.0.0.255",
  "fe80::1%eth0",
  "fe80::1%1/64",
  "::ffff:1.2.3.4%eth0",
]);

describe("normaliseAllowlistEntry against Python's ip_network(strict=False)", () => {
  it.each(PYTHON_ANSWERS)("%j (Python: %j)", (input, python) => {
    const expected = STRICTER_THAN_PYTHON.has(input) ? null : python;
    expect(normaliseAllowlistEntry(input)).toBe(expected);
  });

  it("lists as stricter only inputs that Python accepts", () => {
    const answers = new Map(PYTHON_ANSWERS);
    for (const input of STRICTER_THAN_PYTHON) expect(answers.get(input)).not.toBeNull();
  });
});

describe("parseIpAddress", () => {
  it.each(["192.0.2.1", "2001:db8::1", "::ffff:1.2.3.4", "::1.2.3.4"])("accepts %j", (input) => {
    expect(parseIpAddress(input)).not.toBeNull();
  });
  it.each(["127.1", "0x7f.0.0.1", "2130706433", "010.0.0.1", " 10.0.0.1", "fe80::1%eth0", "10.0.0.1/32", ""])(
    "refuses %j",
    (input) => {
      expect(parseIpAddress(input)).toBeNull();
    },
  );
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
  it("refuses inet_aton shorthands, zone ids and padded client addresses", () => {
    for (const ip of ["127.1", "0x7f.0.0.1", "2130706433", " 127.0.0.1", "fe80::1%eth0"]) {
      expect(isAllowedByAllowlist(["0.0.0.0/0", "::/0"], ip)).toBe(false);
    }
  });
  it("ignores entries that are not valid", () => {
    expect(isAllowedByAllowlist(["127.1", "127.0.0.1/08", "nope"], "127.0.0.1")).toBe(false);
  });
  it("refuses an IPv4-mapped entry, saying to write the IPv4 address itself", () => {
    expect(allowlistEntryProblem("::ffff:10.0.0.1")).toMatch(/IPv4 address written as IPv6/);
    expect(allowlistEntryProblem("::ffff:10.0.0.0/104")).toMatch(/IPv4 address written as IPv6/);
    expect(allowlistEntryProblem("10.0.0.1")).toBeNull();
    expect(allowlistEntryProblem("nope")).toMatch(/not an IPv4 or IPv6 address/);
  });

  it("keeps an IPv4-mapped entry and an IPv4 client apart (today's answer)", () => {
    // A mapped client is compared as IPv4, so it never falls in an IPv6 entry, mapped or not.
    expect(isAllowedByAllowlist(["::ffff:0:0/96"], "::ffff:127.0.0.1")).toBe(false);
    expect(isAllowedByAllowlist(["::ffff:127.0.0.1"], "127.0.0.1")).toBe(false);
    expect(isAllowedByAllowlist(["::/0"], "::ffff:127.0.0.1")).toBe(false);
    expect(isAllowedByAllowlist(["::/0"], "::1")).toBe(true);
  });
});
