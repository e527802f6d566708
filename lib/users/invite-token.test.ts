import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  INVITE_LIFETIME_MS,
  hashInviteToken,
  inviteState,
  isWellFormedToken,
  newInviteToken,
} from "./invite-token";

describe("invite tokens", () => {
  it("are 256 random bits in base64url, different every time, kept only as their SHA-256", () => {
    const a = newInviteToken();
    const b = newInviteToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(createHash("sha256").update(a.token).digest("hex"));
    expect(hashInviteToken(a.token)).toBe(a.tokenHash);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("tells a well-formed token from anything else before touching the database", () => {
    expect(isWellFormedToken(newInviteToken().token)).toBe(true);
    for (const bad of ["", "short", "a".repeat(44), `${"a".repeat(42)}!`, "../../etc/passwd"])
      expect(isWellFormedToken(bad)).toBe(false);
  });

  it("last 24 hours and work once", () => {
    expect(INVITE_LIFETIME_MS).toBe(24 * 60 * 60 * 1000);
    const made = new Date("2026-01-01T00:00:00Z");
    const expiresAt = new Date(made.getTime() + INVITE_LIFETIME_MS);
    expect(inviteState({ usedAt: null, expiresAt }, made)).toBe("valid");
    expect(inviteState({ usedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe("valid");
    expect(inviteState({ usedAt: null, expiresAt }, expiresAt)).toBe("expired");
    expect(inviteState({ usedAt: made, expiresAt }, made)).toBe("used");
    // Used wins over expired: the message says what happened first.
    expect(inviteState({ usedAt: made, expiresAt }, new Date(expiresAt.getTime() + 1))).toBe("used");
  });
});
