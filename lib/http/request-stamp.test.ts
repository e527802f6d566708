import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  compileTrust,
  ensureProcessToken,
  normaliseAddress,
  readStamp,
  STAMP_HEADERS,
  stampRequest,
} from "./request-stamp";

function incoming(peer: string, headers: Record<string, string>, encrypted = false): IncomingMessage {
  const socket = { remoteAddress: peer, encrypted };
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    headers: lower,
    rawHeaders: Object.entries(headers).flat(),
    socket,
    connection: socket,
  } as unknown as IncomingMessage;
}

function asHeaders(req: IncomingMessage): Headers {
  return new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
}

describe("stampRequest", () => {
  it("takes the socket's address and strips forwarded headers from an untrusted peer", () => {
    const req = incoming("198.51.100.7", {
      host: "keydesk.test",
      "X-Forwarded-For": "6.6.6.6, 10.0.0.1",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-real-ip": "6.6.6.7",
    });
    stampRequest(req, compileTrust([]));
    expect(readStamp(asHeaders(req))).toEqual({ clientIp: "198.51.100.7", origin: "http://keydesk.test" });
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip"])
      expect(req.headers[name]).toBeUndefined();
    expect(req.rawHeaders).toEqual(["host", "keydesk.test"]);
  });

  it("replaces a stamp the client sent", () => {
    const req = incoming("198.51.100.7", {
      host: "keydesk.test",
      [STAMP_HEADERS.clientIp]: "6.6.6.6",
      [STAMP_HEADERS.origin]: "http://evil.example",
      [STAMP_HEADERS.token]: "guess",
    });
    stampRequest(req, compileTrust([]));
    expect(readStamp(asHeaders(req))).toEqual({ clientIp: "198.51.100.7", origin: "http://keydesk.test" });
    expect(req.rawHeaders).toEqual(["host", "keydesk.test"]);
  });

  it("walks X-Forwarded-For through trusted proxies only, and takes their host and scheme", () => {
    const trust = compileTrust(["10.0.0.0/8"]);
    const req = incoming("10.0.0.2", {
      host: "internal:3000",
      "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.5",
      "x-forwarded-host": "keydesk.example.com",
      "x-forwarded-proto": "https",
    });
    stampRequest(req, trust);
    expect(readStamp(asHeaders(req))).toEqual({
      clientIp: "203.0.113.9",
      origin: "https://keydesk.example.com",
    });
    expect(req.headers["x-forwarded-for"]).toBe("6.6.6.6, 203.0.113.9, 10.0.0.5");
  });

  it("uses the socket's encryption for the scheme, and refuses a host that is not one", () => {
    const tls = incoming("::ffff:127.0.0.1", { host: "keydesk.test:8443" }, true);
    stampRequest(tls, compileTrust([]));
    expect(readStamp(asHeaders(tls))).toEqual({ clientIp: "127.0.0.1", origin: "https://keydesk.test:8443" });
    const odd = incoming("127.0.0.1", { host: "evil.example/@x" });
    stampRequest(odd, compileTrust([]));
    expect(readStamp(asHeaders(odd))).toEqual({ clientIp: "127.0.0.1", origin: null });
  });
});

describe("readStamp", () => {
  it("is null without this process's token: a client cannot make one", () => {
    ensureProcessToken();
    expect(readStamp(new Headers({ [STAMP_HEADERS.clientIp]: "6.6.6.6" }))).toBeNull();
    expect(
      readStamp(new Headers({ [STAMP_HEADERS.clientIp]: "6.6.6.6", [STAMP_HEADERS.token]: "0".repeat(64) })),
    ).toBeNull();
    expect(
      readStamp(
        new Headers({ [STAMP_HEADERS.token]: ensureProcessToken(), [STAMP_HEADERS.clientIp]: "192.0.2.1" }),
      )?.clientIp,
    ).toBe("192.0.2.1");
  });
});

describe("normaliseAddress", () => {
  it("spells an IPv4-mapped address as IPv4", () => {
    expect(normaliseAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
  });
});
