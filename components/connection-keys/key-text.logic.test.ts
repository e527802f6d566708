import { describe, expect, it } from "vitest";
import {
  expiryText,
  grantsEverything,
  isExpired,
  openEnds,
  permissionsText,
  restrictionsText,
} from "./key-text.logic";

describe("permissionsText", () => {
  it("says each provider's model in its own words", () => {
    expect(permissionsText({ kind: "permission_list", value: "all", unknown: [] })).toBe("All permissions");
    expect(permissionsText({ kind: "scopes", value: "all", unknown: [] })).toBe("Unrestricted (*)");
    expect(permissionsText({ kind: "scopes", value: ["files:read", "rooms:read"], unknown: [] })).toBe(
      "files:read, rooms:read",
    );
    expect(permissionsText({ kind: "key_type", value: "private" })).toBe("Private: full access");
    expect(permissionsText({ kind: "key_type", value: "public" })).toBe("Public: client-side");
    expect(permissionsText({ kind: "permission_list", value: [], unknown: [] })).toBe("None");
  });

  it("names what Keydesk does not know rather than hiding it", () => {
    expect(permissionsText({ kind: "scopes", value: ["files:read"], unknown: ["forms:write"] })).toBe(
      "files:read; not known to Keydesk: forms:write",
    );
  });

  it("knows which keys grant everything", () => {
    expect(grantsEverything({ kind: "scopes", value: "all", unknown: [] })).toBe(true);
    expect(grantsEverything({ kind: "scopes", value: ["*:read"], unknown: [] })).toBe(false);
    expect(grantsEverything({ kind: "key_type", value: "private" })).toBe(false);
  });
});

describe("restrictionsText and openEnds", () => {
  it("lists only the restrictions a key has", () => {
    expect(restrictionsText({})).toEqual([]);
    expect(
      restrictionsText({
        characterLimit: { limit: 10000, used: 250 },
        ipAllowlist: ["10.0.0.0/8"],
        allowedOrigins: ["https://app.example.com"],
        assistants: { allowed: ["asst_1"], transient: true },
      }),
    ).toEqual([
      "250 of 10,000 characters a month",
      "IP allowlist: 10.0.0.0/8",
      "Origins (browser-enforced): https://app.example.com",
      "Assistants: asst_1",
      "Transient assistants allowed",
    ]);
    expect(restrictionsText({ characterLimit: { limit: null, used: 5 }, ipAllowlist: null })).toEqual([]);
    // A limit of 0 refuses every request: said as such, not as "0 of 0 characters".
    expect(restrictionsText({ characterLimit: { limit: 0, used: 0 } })).toEqual(["Blocked (limit 0)"]);
  });

  it("says an empty origin or assistant list means any and every", () => {
    expect(openEnds({ allowedOrigins: [], assistants: { allowed: [], transient: false } })).toEqual([
      "Any origin",
      "Every assistant",
    ]);
    expect(openEnds({ ipAllowlist: null })).toEqual([]);
  });
});

describe("expiry", () => {
  const now = Date.parse("2026-06-01T00:00:00Z");
  it("tells a key that never expires, one that will and one that did", () => {
    expect(expiryText(null, now)).toBe("Never");
    expect(expiryText("2026-07-01T00:00:00Z", now)).toBe("Jul 1, 2026");
    expect(expiryText("2026-05-01T00:00:00Z", now)).toBe("Expired May 1, 2026");
    expect(isExpired("2026-06-01T00:00:00Z", now)).toBe(true);
    expect(isExpired(null, now)).toBe(false);
  });
});
