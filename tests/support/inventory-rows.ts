// Keys and rows for the inventory tests: a safe, restricted key by default, so each test states
// only what makes its key different.
import { inventoryRow } from "@/lib/inventory/rows";
import type { InventoryKey, InventoryRow } from "@/lib/inventory/types";

export function testKey(overrides: Partial<InventoryKey> = {}): InventoryKey {
  return {
    id: "key_1",
    serviceAccountId: "sa_1",
    serviceAccountName: "Production",
    name: "Website TTS",
    hint: "ab12",
    enabled: true,
    permissions: ["text_to_speech"],
    characterLimit: 1000,
    characterCount: 10,
    allowedIps: ["203.0.113.0/24"],
    createdAt: "2025-01-01T00:00:00.000Z",
    disableReason: null,
    rotation: null,
    origin: "keydesk",
    ...overrides,
  };
}

export function testRow(overrides: Partial<InventoryKey> = {}): InventoryRow {
  return inventoryRow(testKey(overrides));
}
