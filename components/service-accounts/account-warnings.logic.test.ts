import { describe, expect, it } from "vitest";
import { accountWarnings, matchesSearch } from "./account-warnings.logic";
import type { KeyView } from "@/lib/keys/view";

const key = (over: Partial<KeyView>): KeyView => ({
  id: "k",
  serviceAccountId: "sa",
  name: "k",
  hint: "ab12",
  enabled: true,
  permissions: ["text_to_speech"],
  characterLimit: 1000,
  characterCount: 0,
  allowedIps: ["10.0.0.0/8"],
  createdAt: null,
  disableReason: null,
  rotation: null,
  ...over,
});

describe("account warnings", () => {
  it("counts risky keys and keys near or at their limit", () => {
    expect(accountWarnings([key({})])).toEqual([]);
    expect(
      accountWarnings([
        key({ permissions: "all", allowedIps: null }),
        key({ allowedIps: null, characterCount: 900 }),
        key({ characterLimit: null }),
        key({ characterCount: 1000 }),
        key({ characterLimit: 0, characterCount: 0 }),
      ]),
    ).toEqual([
      "1 key has all permissions",
      "2 keys have no IP allowlist",
      "1 key has no monthly limit",
      "1 key has its limit reached",
      "1 key is blocked (limit 0)",
      "1 key is near the limit",
    ]);
  });

  it("searches account names, key names and hints", () => {
    const account = { name: "Production TTS", keys: [key({ name: "prod-primary", hint: "9f3c" })] };
    expect(matchesSearch(account, "")).toBe(true);
    expect(matchesSearch(account, "production")).toBe(true);
    expect(matchesSearch(account, "PRIMARY")).toBe(true);
    expect(matchesSearch(account, "…9f3c")).toBe(true);
    expect(matchesSearch(account, "nothing")).toBe(false);
  });
});
