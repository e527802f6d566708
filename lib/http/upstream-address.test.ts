import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import {
  addressRefusal,
  classifyAddress,
  STRICT_POLICY,
  urlRefusal,
  type AddressClass,
  type UpstreamPolicy,
} from "./upstream-address";

const classOf = (text: string) => classifyAddress(text)?.class ?? null;
/** The class of the host a URL reaches, after WHATWG URL has normalised it (as fetch and the browser do). */
const hostClass = (url: string) => classOf(new URL(url).hostname);

describe("classifyAddress", () => {
  it.each<[string, AddressClass]>([
    // Cloud metadata and link-local: never.
    ["169.254.169.254", "forbidden"],
    ["169.254.0.1", "forbidden"],
    ["100.100.100.200", "forbidden"],
    ["192.0.0.192", "forbidden"],
    ["168.63.129.16", "forbidden"],
    ["fd00:ec2::254", "forbidden"],
    ["fd20:ce::254", "forbidden"],
    ["fe80::1", "forbidden"],
    ["febf:ffff::1", "forbidden"],
    ["fe80::1%eth0", "forbidden"],
    // Unspecified, multicast, broadcast, reserved.
    ["0.0.0.0", "forbidden"],
    ["0.1.2.3", "forbidden"],
    ["::", "forbidden"],
    ["224.0.0.1", "forbidden"],
    ["239.255.255.250", "forbidden"],
    ["ff02::1", "forbidden"],
    ["255.255.255.255", "forbidden"],
    ["240.0.0.1", "forbidden"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "forbidden"], // Teredo
    // Loopback.
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    // Private networks.
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["198.18.0.1", "private"],
    ["192.0.2.10", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["2001:db8::1", "private"],
    // Public: just outside the ranges above.
    ["8.8.8.8", "public"],
    ["172.15.255.255", "public"],
    ["172.32.0.1", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.1", "public"],
    ["169.253.255.255", "public"],
    ["11.0.0.1", "public"],
    ["2606:4700::1111", "public"],
    ["2a00:1450:4001::200e", "public"],
  ])("%s is %s", (address, expected) => {
    expect(classOf(address)).toBe(expected);
  });

  it.each<[string, AddressClass]>([
    // IPv4 inside IPv6 is classed by the IPv4 address it reaches.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["::ffff:169.254.169.254", "forbidden"],
    ["::ffff:a9fe:a9fe", "forbidden"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:8.8.8.8", "public"],
    ["::127.0.0.1", "loopback"], // IPv4-compatible (obsolete)
    ["::a9fe:a9fe", "forbidden"],
    ["64:ff9b::a9fe:a9fe", "forbidden"], // NAT64
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::8.8.8.8", "public"],
    ["64:ff9b:1::1", "private"],
    ["2002:a9fe:a9fe::1", "forbidden"], // 6to4
    ["2002:7f00:1::", "loopback"],
    ["2002:0808:0808::1", "public"],
  ])("%s (IPv4 in IPv6) is %s", (address, expected) => {
    expect(classOf(address)).toBe(expected);
  });

  it("takes a URL's bracketed IPv6 host", () => {
    expect(classOf("[::1]")).toBe("loopback");
    expect(classOf("[fd00:ec2::254]")).toBe("forbidden");
  });

  it.each([
    "example.com",
    "localhost",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "01.2.3.4",
    "1::2::3",
    "12345::",
    "::g",
    "",
    "[::1",
  ])("%s is not an address", (text) => {
    expect(classifyAddress(text)).toBeNull();
  });

  it("reads IPv6 as ipaddr.js does (the parser agrees with a library's)", () => {
    const samples = [
      "::1",
      "::",
      "fe80::1",
      "2001:db8::1:0:0:1",
      "::ffff:1.2.3.4",
      "1:2:3:4:5:6:7:8",
      "1::8",
      "1:2:3:4:5:6::",
      "::2:3:4:5:6:7:8",
      "64:ff9b::10.0.0.1",
      "fd00:ec2::254",
    ];
    for (const text of samples) {
      const theirs = ipaddr.IPv6.parse(text).toNormalizedString();
      // Same address, whichever way it is written: both spellings class alike.
      expect(classifyAddress(theirs), text).toEqual(classifyAddress(text));
    }
  });
});

describe("URLs as WHATWG URL (fetch, the browser) reads them", () => {
  it.each<[string, AddressClass]>([
    ["http://2130706433/", "loopback"], // decimal
    ["http://0x7f.1/", "loopback"], // hex, short form
    ["http://0x7f000001/", "loopback"],
    ["http://0177.0.0.1/", "loopback"], // octal
    ["http://127.1/", "loopback"],
    ["http://127.0.0.1./", "loopback"], // trailing dot
    ["http://%31%32%37.0.0.1/", "loopback"], // percent-encoded
    ["http://①②⑦.0.0.1/", "loopback"], // full-width digits
    ["http://[::ffff:127.0.0.1]/", "loopback"],
    ["http://[0:0:0:0:0:ffff:169.254.169.254]/", "forbidden"],
    ["http://2852039166/", "forbidden"], // 169.254.169.254
    ["http://0xa9.0xfe.0xa9.0xfe/", "forbidden"],
    ["http://0251.0376.0251.0376/", "forbidden"],
    ["http://169.254.43518/", "forbidden"],
    ["http://0/", "forbidden"],
    ["http://[::]/", "forbidden"],
    ["https://[fd00:ec2::254]/latest/meta-data/", "forbidden"],
    ["http://0xa.1/", "private"], // 10.0.0.1
    ["http://3232235777/", "private"], // 192.168.1.1
    ["https://8.8.8.8/", "public"],
  ])("%s reaches a %s address", (url, expected) => {
    expect(hostClass(url)).toBe(expected);
  });
});

const DEMO: UpstreamPolicy = { loopback: true, private: false };
const ALLOWED: UpstreamPolicy = { loopback: true, private: true };

describe("addressRefusal and urlRefusal", () => {
  const kind = (url: string, policy: UpstreamPolicy) => urlRefusal(new URL(url), policy)?.kind ?? null;

  it("never allows a forbidden address, whatever the policy", () => {
    for (const policy of [STRICT_POLICY, DEMO, ALLOWED]) {
      expect(kind("https://169.254.169.254/", policy)).toBe("forbidden");
      expect(kind("http://[::ffff:a9fe:a9fe]/", policy)).toBe("forbidden");
      expect(kind("https://100.100.100.200/", policy)).toBe("forbidden");
      expect(kind("https://224.0.0.1/", policy)).toBe("forbidden");
    }
  });

  it("allows loopback and private networks only when the policy does", () => {
    expect(kind("https://127.0.0.1:8443/", STRICT_POLICY)).toBe("not_allowed");
    expect(kind("https://[::1]/", STRICT_POLICY)).toBe("not_allowed");
    expect(kind("https://localhost/", STRICT_POLICY)).toBe("not_allowed");
    expect(kind("https://api.localhost./", STRICT_POLICY)).toBe("not_allowed");
    expect(kind("https://10.1.2.3/", STRICT_POLICY)).toBe("not_allowed");
    expect(kind("https://0xa.1/", STRICT_POLICY)).toBe("not_allowed");
    expect(kind("http://127.0.0.1:4311/", DEMO)).toBeNull();
    expect(kind("http://10.1.2.3/", DEMO)).toBe("not_allowed");
    expect(kind("http://10.1.2.3/", ALLOWED)).toBeNull();
    expect(kind("http://docspace.intranet/", ALLOWED)).toBeNull();
  });

  it("wants https for the internet: plain http only to this machine or a private network that is allowed", () => {
    expect(kind("http://8.8.8.8/", STRICT_POLICY)).toBe("plain_http");
    expect(kind("http://8.8.8.8/", ALLOWED)).toBe("plain_http");
    expect(kind("http://api.example.com/", STRICT_POLICY)).toBe("plain_http");
    expect(kind("https://api.example.com/", STRICT_POLICY)).toBeNull();
    expect(kind("https://8.8.8.8/", STRICT_POLICY)).toBeNull();
    expect(addressRefusal(classifyAddress("203.0.113.7")!, ALLOWED, true)).toBeNull();
    expect(addressRefusal(classifyAddress("93.184.216.34")!, ALLOWED, true)?.kind).toBe("plain_http");
  });
});
