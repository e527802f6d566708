import { describe, expect, it } from "vitest";
import { DEFAULT_INVENTORY_FILTERS, type InventoryFilters } from "./filters";
import { filterRows, hasPermission } from "./filter-rows";
import { testRow } from "@/tests/support/inventory-rows";
import type { PolicyRule } from "@/lib/policies/rules";

const only = (overrides: Partial<InventoryFilters>) => ({ ...DEFAULT_INVENTORY_FILTERS, ...overrides });

describe("hasPermission", () => {
  it("gives an unrestricted key everything", () => {
    expect(hasPermission("all", "service_account_write")).toBe(true);
  });

  it("counts a write as its read, but not a read as its write", () => {
    expect(hasPermission(["voices_write"], "voices_read")).toBe(true);
    expect(hasPermission(["voices_read"], "voices_write")).toBe(false);
    expect(hasPermission(["voices_write"], "voices_write")).toBe(true);
  });

  it("implies nothing across pairs or for single capabilities", () => {
    expect(hasPermission(["voices_write"], "voice_collections_read")).toBe(false);
    expect(hasPermission(["webhooks_write"], "workspace_read")).toBe(false);
    expect(hasPermission(["workspace_write"], "workspace_members_read")).toBe(false);
    expect(hasPermission(["workspace_write"], "workspace_analytics_full_read")).toBe(false);
    expect(hasPermission([], "text_to_speech")).toBe(false);
  });
});

describe("filterRows", () => {
  const rows = [
    testRow({
      id: "k1",
      serviceAccountId: "sa_1",
      serviceAccountName: "Production",
      name: "Website",
      permissions: ["text_to_speech"],
    }),
    testRow({
      id: "k2",
      serviceAccountId: "sa_1",
      serviceAccountName: "Production",
      name: "Admin bot",
      permissions: "all",
      allowedIps: null,
    }),
    testRow({
      id: "k3",
      serviceAccountId: "sa_2",
      serviceAccountName: "Staging",
      name: "Voices",
      permissions: ["voices_write"],
      enabled: false,
    }),
    testRow({
      id: "k4",
      serviceAccountId: "sa_2",
      serviceAccountName: "Staging",
      name: "Reader",
      permissions: ["voices_read"],
      allowedIps: null,
      hint: "ZZ77",
    }),
    testRow({
      id: "k5",
      serviceAccountId: "sa_3",
      serviceAccountName: "Sandbox",
      name: "Empty",
      permissions: [],
    }),
  ];
  const ids = (f: Partial<InventoryFilters>) => filterRows(rows, only(f)).map((r) => r.id);

  it("keeps everything, in order, without filters", () => {
    expect(ids({})).toEqual(["k1", "k2", "k3", "k4", "k5"]);
  });

  it("keeps the keys of any listed service account", () => {
    expect(ids({ sa: ["sa_2", "sa_3"] })).toEqual(["k3", "k4", "k5"]);
    expect(ids({ sa: ["sa_missing"] })).toEqual([]);
  });

  it("filters by status", () => {
    expect(ids({ status: "disabled" })).toEqual(["k3"]);
    expect(ids({ status: "enabled" })).toEqual(["k1", "k2", "k4", "k5"]);
  });

  it("needs every listed risk flag", () => {
    expect(ids({ risk: ["no_allowlist"] })).toEqual(["k2", "k4"]);
    expect(ids({ risk: ["no_allowlist", "unrestricted"] })).toEqual(["k2"]);
    expect(ids({ risk: ["disabled", "unrestricted"] })).toEqual([]);
  });

  it("needs every listed permission, with all and a write counting", () => {
    expect(ids({ perm: ["voices_read"] })).toEqual(["k2", "k3", "k4"]);
    expect(ids({ perm: ["voices_write"] })).toEqual(["k2", "k3"]);
    expect(ids({ perm: ["voices_read", "text_to_speech"] })).toEqual(["k2"]);
    expect(ids({ perm: ["create_user_api_key"] })).toEqual(["k2"]);
  });

  it("searches name, hint, key id and service account name, ignoring case", () => {
    expect(ids({ q: "ADMIN" })).toEqual(["k2"]);
    expect(ids({ q: "zz7" })).toEqual(["k4"]);
    expect(ids({ q: "K5" })).toEqual(["k5"]);
    expect(ids({ q: "stag" })).toEqual(["k3", "k4"]);
    expect(ids({ q: "  stag " })).toEqual(["k3", "k4"]);
    expect(ids({ q: "nothing like it" })).toEqual([]);
  });

  it("never matches across two fields", () => {
    // k4's name ends "Reader" and its hint starts "ZZ": the joined text must not contain "erzz".
    expect(ids({ q: "erzz" })).toEqual([]);
    expect(ids({ q: "er zz" })).toEqual([]);
  });

  it("combines filters with AND", () => {
    expect(
      ids({ sa: ["sa_2"], status: "enabled", risk: ["no_allowlist"], perm: ["voices_read"], q: "read" }),
    ).toEqual(["k4"]);
    expect(ids({ sa: ["sa_1"], status: "disabled" })).toEqual([]);
  });

  it("keeps the keys that break the named rule, or any rule, among those that are on", () => {
    const rules: PolicyRule[] = [
      { kind: "no_unrestricted", mode: "report", limit: null },
      { kind: "network_restriction", mode: "enforce", limit: null },
    ];
    const byPolicy = (policy: InventoryFilters["policy"], on = rules) =>
      filterRows(rows, only({ policy }), on).map((r) => r.id);
    expect(byPolicy("no_unrestricted")).toEqual(["k2"]);
    expect(byPolicy("network_restriction")).toEqual(["k2", "k4"]);
    expect(byPolicy("any")).toEqual(["k2", "k4"]);
    // A rule that is off is broken by no key; with no rule on, "any" keeps nothing.
    expect(byPolicy("max_monthly_limit")).toEqual([]);
    expect(byPolicy("any", [])).toEqual([]);
    expect(
      filterRows(rows, only({ policy: "any", status: "enabled", q: "reader" }), rules).map((r) => r.id),
    ).toEqual(["k4"]);
  });

  it("returns a new array and leaves the input alone", () => {
    const before = rows.map((r) => r.id);
    const out = filterRows(rows, only({}));
    expect(out).not.toBe(rows);
    out.pop();
    expect(rows.map((r) => r.id)).toEqual(before);
  });
});
