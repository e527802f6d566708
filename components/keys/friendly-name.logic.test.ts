import { describe, expect, it } from "vitest";
import { keyNameSchema } from "@/lib/keys/schema";
import { friendlyKeyName } from "./friendly-name.logic";

describe("friendlyKeyName", () => {
  it("makes adjective-noun-number names that are valid key names", () => {
    for (let i = 0; i < 50; i++) {
      const name = friendlyKeyName();
      expect(name).toMatch(/^[a-z]+-[a-z]+-\d{2}$/);
      expect(keyNameSchema.safeParse(name).success).toBe(true);
    }
  });

  it("stays in range at the edges of the random source", () => {
    expect(friendlyKeyName(() => 0)).toBe("amber-badger-10");
    expect(friendlyKeyName(() => 0.999999)).toMatch(/^witty-willow-99$/);
  });
});
