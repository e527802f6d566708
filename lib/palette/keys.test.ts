import { describe, expect, it } from "vitest";
import type { InventoryKey } from "@/lib/inventory/types";
import type { InventoryConnection } from "@/lib/inventory/connections";
import { matchKeys, paletteKeys } from "./keys";

const connection = (id: string, name: string) => ({ id, name }) as InventoryConnection;
const key = (id: string, name: string, hint: string, serviceAccountId = "sa_1") =>
  ({ id, name, hint, serviceAccountId, serviceAccountName: "Backend" }) as InventoryKey;

const primary = {
  connection: connection("env-elevenlabs", "ElevenLabs"),
  keys: [key("k1", "prod-tts", "ab12"), key("k2", "tts", "cd34"), key("k3", "staging", "tts9")],
};
const others = [
  {
    connection: connection("docspace-1", "DocSpace"),
    ok: true as const,
    readAt: "",
    keys: [key("d1", "tts-docs", "ef56", "")],
  },
  {
    connection: connection("broken", "Broken"),
    ok: false as const,
    error: { code: "upstream", message: "down", upstreamRequestId: null },
  },
];

describe("paletteKeys", () => {
  it("links each key to its own page: primary keys under their service account, others under their connection", () => {
    const keys = paletteKeys(primary, others);
    expect(keys.map((k) => k.href)).toEqual([
      "/service-accounts/sa_1/keys/k1",
      "/service-accounts/sa_1/keys/k2",
      "/service-accounts/sa_1/keys/k3",
      "/connections/docspace-1/keys/d1",
    ]);
    expect(keys.every((k) => k.connectionName !== "Broken")).toBe(true);
  });
});

describe("matchKeys", () => {
  const keys = paletteKeys(primary, others);
  it("finds by name, id or hint, exact name first, then names that start with it", () => {
    expect(matchKeys(keys, "TTS").map((k) => k.id)).toEqual(["k2", "d1", "k1", "k3"]);
    expect(matchKeys(keys, "k3").map((k) => k.id)).toEqual(["k3"]);
    expect(matchKeys(keys, "…cd34").map((k) => k.id)).toEqual(["k2"]);
  });
  it("lists nothing for an empty query and at most the limit", () => {
    expect(matchKeys(keys, "  ")).toEqual([]);
    expect(matchKeys(keys, "t", 2)).toHaveLength(2);
  });
  it("never matches across two fields", () => {
    expect(matchKeys(keys, "ttsk2")).toEqual([]);
  });
});
