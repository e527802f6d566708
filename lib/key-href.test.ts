import { describe, expect, it } from "vitest";
import { keyHref } from "./key-href";

describe("keyHref", () => {
  it("puts a primary-connection key under its service account", () => {
    expect(keyHref({ connectionId: "demo-elevenlabs", group: "sa 1", keyId: "k/1" })).toBe(
      "/service-accounts/sa%201/keys/k%2F1",
    );
    expect(keyHref({ connectionId: null, group: "sa1", keyId: "k1" })).toBe("/service-accounts/sa1/keys/k1");
    expect(keyHref({ connectionId: "env-elevenlabs", group: "sa1", keyId: "k1" })).toBe(
      "/service-accounts/sa1/keys/k1",
    );
  });

  it("puts another connection's key under that connection, with its group when it has one", () => {
    expect(keyHref({ connectionId: "demo-docspace", keyId: "3f" })).toBe(
      "/connections/demo-docspace/keys/3f",
    );
    expect(keyHref({ connectionId: "demo-elevenlabs-eu", group: "sa&2", keyId: "k" })).toBe(
      "/connections/demo-elevenlabs-eu/keys/k?group=sa%262",
    );
  });

  it("refuses a primary key without its service account rather than make a broken link", () => {
    expect(() => keyHref({ keyId: "k1" })).toThrow(/service account/);
  });
});
