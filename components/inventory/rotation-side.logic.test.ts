import { describe, expect, it } from "vitest";
import { rotationSideText, rotationSideWords } from "./rotation-side.logic";

const startedAt = "2026-12-01T10:00:00.000Z";

describe("rotation side words", () => {
  it("names the old key as being replaced and the new one as new, each naming its partner", () => {
    const old = rotationSideText({ role: "old", partnerKeyId: "NEWKEY", startedAt });
    expect(old.label).toBe("Old, being replaced");
    expect(old.explanation).toContain("NEWKEY");
    const fresh = rotationSideText({ role: "new", partnerKeyId: "OLDKEY", startedAt });
    expect(fresh.label).toBe("New");
    expect(fresh.explanation).toContain("OLDKEY");
  });

  it("gives a control's words only for a key in a rotation", () => {
    expect(rotationSideWords({ role: "old", partnerKeyId: "b", startedAt })).toBe("old, being replaced");
    expect(rotationSideWords({ role: "new", partnerKeyId: "a", startedAt })).toBe("new");
    expect(rotationSideWords(null)).toBeNull();
    expect(rotationSideWords(undefined)).toBeNull();
  });
});
