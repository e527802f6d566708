import { describe, expect, it } from "vitest";
import { isRecent, lastVerification } from "./step-up-window";

const at = (iso: string) => new Date(iso);
const now = Date.parse("2026-11-29T12:00:00.000Z");

describe("how recent a session's sign-in is", () => {
  it("counts the sign-in itself (the session's creation)", () => {
    const s = { createdAt: at("2026-11-29T11:57:00.000Z"), reauthenticatedAt: null };
    expect(lastVerification(s)).toEqual({ at: s.createdAt, steppedUp: false });
    expect(isRecent(s, 300, now)).toBe(true);
  });

  it("is not recent once the window has passed", () => {
    const s = { createdAt: at("2026-11-29T11:54:59.000Z"), reauthenticatedAt: null };
    expect(isRecent(s, 300, now)).toBe(false);
  });

  it("a re-verification makes an old session recent again, and says it was a step-up", () => {
    const s = {
      createdAt: at("2026-11-29T08:00:00.000Z"),
      reauthenticatedAt: at("2026-11-29T11:59:00.000Z"),
    };
    expect(lastVerification(s)).toEqual({ at: s.reauthenticatedAt, steppedUp: true });
    expect(isRecent(s, 300, now)).toBe(true);
    expect(isRecent({ ...s, reauthenticatedAt: at("2026-11-29T11:50:00.000Z") }, 300, now)).toBe(false);
  });

  it("does not let a time far in the future stretch the window", () => {
    expect(isRecent({ createdAt: at("2026-11-29T13:00:00.000Z"), reauthenticatedAt: null }, 300, now)).toBe(
      false,
    );
  });
});
