// 10,000 generated keys through filterRows and sortRows, checked against a plain reading of the
// rules written independently here (from the raw key fields, not the precomputed ones).
import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/permissions";
import {
  DEFAULT_INVENTORY_FILTERS,
  SORT_KEYS,
  type InventoryFilters,
  type SortDir,
  type SortKey,
} from "./filters";
import { filterRows } from "./filter-rows";
import { RISK_FLAGS } from "./types";
import { inventoryRows } from "./rows";
import { sortRows } from "./sort-rows";
import { testKey } from "@/tests/support/inventory-rows";
import type { InventoryKey, InventoryRow } from "./types";

/** A small seeded generator, so a failure can be reproduced. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(count: number): InventoryKey[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const accounts = Array.from({ length: 40 }, (_, i) => ({
    id: `sa_${i}`,
    name: `Team ${pick(["Prod", "Staging", "Ops", "Data"])} ${i}`,
  }));
  return Array.from({ length: count }, (_, i) => {
    const account = pick(accounts);
    const limit = pick([null, 0, 100, 10_000, 1_000_000]);
    return testKey({
      id: `key_${i}`,
      serviceAccountId: account.id,
      serviceAccountName: account.name,
      name: `${pick(["Website", "Batch", "prod-bot", "Voice app", "CI"])} ${Math.floor(rnd() * 300)}`,
      hint: Math.floor(rnd() * 0xffff)
        .toString(16)
        .padStart(4, "0"),
      enabled: rnd() > 0.2,
      permissions: rnd() < 0.1 ? "all" : PERMISSIONS.filter(() => rnd() < 0.08),
      characterLimit: limit,
      // About one in thirteen used nothing this month (no_use_this_month).
      characterCount: rnd() < 0.1 ? null : Math.max(0, Math.floor(rnd() * 1_300_000) - 100_000),
      allowedIps: rnd() < 0.4 ? null : [pick(["10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32"])],
      createdAt:
        rnd() < 0.05
          ? null
          : new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 400) * 86_400_000).toISOString(),
      rotation:
        rnd() < 0.03 ? { role: "old", partnerKeyId: "key_x", startedAt: "2025-01-01T00:00:00Z" } : null,
      origin: pick(["keydesk", "baseline", "outside", null]),
    });
  });
}

// The rules, spelled out from the raw fields.
function referenceHas(key: InventoryKey, p: Permission): boolean {
  if (key.permissions === "all") return true;
  if (key.permissions.includes(p)) return true;
  const write = p.endsWith("_read") ? (p.replace(/_read$/, "_write") as Permission) : null;
  return (
    write !== null && (PERMISSIONS as readonly string[]).includes(write) && key.permissions.includes(write)
  );
}

function referenceKeeps(row: InventoryRow, f: InventoryFilters): boolean {
  const q = f.q.trim().toLowerCase();
  return (
    (f.sa.length === 0 || f.sa.includes(row.serviceAccountId)) &&
    (f.status === undefined || (f.status === "enabled") === row.enabled) &&
    f.risk.every((flag) => row.flags.includes(flag)) &&
    f.perm.every((p) => referenceHas(row, p)) &&
    (q === "" ||
      [row.name, row.hint, row.id, row.serviceAccountName].some((text) => text.toLowerCase().includes(q)))
  );
}

function referenceValue(row: InventoryRow, sort: SortKey): string | number | null {
  switch (sort) {
    case "connection":
      return row.connection?.name ?? null;
    case "serviceAccount":
      return row.serviceAccountName;
    case "name":
      return row.name;
    case "hint":
      return row.hint;
    case "status":
      return row.enabled ? 0 : 1;
    case "permissions":
      return row.permissions === "all" ? Infinity : new Set(row.permissions).size;
    case "usage":
      if (row.characterLimit === null) return null;
      return row.characterLimit === 0
        ? (row.characterCount ?? 0) > 0
          ? Infinity
          : 1
        : (row.characterCount ?? 0) / row.characterLimit;
    case "allowlist":
      return row.allowedIps === null ? null : row.allowedIps.join(" ");
    case "createdAt":
      return row.createdAt === null ? null : new Date(row.createdAt).getTime();
    case "risk":
      return row.flags.length;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** Sorted means: a permutation, values in order, nulls after all values, ties in input order. */
function expectSorted(input: InventoryRow[], output: InventoryRow[], sort: SortKey, dir: SortDir) {
  expect(output).toHaveLength(input.length);
  expect(new Set(output)).toEqual(new Set(input));
  const position = new Map(input.map((row, i) => [row, i]));
  for (let i = 1; i < output.length; i++) {
    const [a, b] = [output[i - 1]!, output[i]!];
    const [va, vb] = [referenceValue(a, sort), referenceValue(b, sort)];
    if (va === null) {
      expect(vb, `${sort} ${dir}: a value after a null at ${i}`).toBeNull();
    }
    if (va === null || vb === null) continue;
    const order =
      typeof va === "string" || typeof vb === "string"
        ? collator.compare(String(va), String(vb))
        : va < vb
          ? -1
          : va > vb
            ? 1
            : 0;
    const inOrder = dir === "asc" ? order <= 0 : order >= 0;
    if (!inOrder) throw new Error(`${sort} ${dir}: ${String(va)} before ${String(vb)} at ${i}`);
    if (order === 0)
      expect(position.get(a)! < position.get(b)!, `${sort} ${dir}: tie out of input order at ${i}`).toBe(
        true,
      );
  }
}

describe("10,000 keys", () => {
  const rows = inventoryRows(generate(10_000));

  it("has a mix of every flag an ElevenLabs key can have to filter on", () => {
    const otherProviders = ["private_key", "any_origin", "all_assistants", "no_expiry", "expired", "stale"];
    for (const flag of RISK_FLAGS.filter((f) => !otherProviders.includes(f)))
      expect(
        rows.some((r) => r.flags.includes(flag)),
        flag,
      ).toBe(true);
  });

  const cases: Partial<InventoryFilters>[] = [
    {},
    { q: "PROD" },
    { q: "team ops 1" },
    { q: "a1" },
    { status: "disabled", risk: ["no_allowlist"] },
    { risk: ["privileged", "near_limit"] },
    { perm: ["voices_read"] },
    { perm: ["voices_read", "text_to_speech"], status: "enabled" },
    { sa: ["sa_1", "sa_7", "sa_39"], q: "bot" },
    { risk: ["unseen", "rotating"] },
  ];

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("filters %s like the plain rules do", (_, c) => {
    const f = { ...DEFAULT_INVENTORY_FILTERS, ...c };
    const expected = rows.filter((row) => referenceKeeps(row, f));
    expect(filterRows(rows, f)).toEqual(expected);
  });

  it.each(SORT_KEYS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const)))(
    "sorts by %s %s",
    (sort, dir) => {
      expectSorted(rows, sortRows(rows, sort, dir), sort, dir);
    },
  );
});
