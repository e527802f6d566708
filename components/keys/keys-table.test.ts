import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/roles";
import type { KeyView } from "@/lib/keys/view";
import { KeysTable, type KeysTableProps } from "./keys-table";

const KEY: KeyView = {
  id: "k1",
  serviceAccountId: "sa1",
  name: "Build bot",
  hint: "ab12",
  enabled: true,
  permissions: ["text_to_speech"],
  characterLimit: 1000,
  characterCount: 250,
  allowedIps: null,
  createdAt: "2026-01-02T03:04:05Z",
  disableReason: null,
  rotation: { role: "old", partnerKeyId: "k2", startedAt: "2026-01-03T00:00:00Z" },
};
const DISABLED: KeyView = {
  ...KEY,
  id: "k2",
  name: "Leaked",
  enabled: false,
  disableReason: "leaked_secret",
  rotation: null,
};

const html = (props: KeysTableProps) => renderToStaticMarkup(createElement(KeysTable, props));
const controls = (role: Role) => ({ role, busyKeyIds: new Set<string>(), onAction: () => {} });
const count = (text: string, part: string) => text.split(part).length - 1;

describe("KeysTable without controls: the read-only summary on the service accounts list", () => {
  const summary = () => html({ keys: [KEY, DISABLED], caption: "API keys of Bots" });

  it("shows each key's status as a badge, with no switch, button or actions column", () => {
    const table = summary();
    expect(table).toContain(`<caption class="sr-only">API keys of Bots</caption>`);
    expect(count(table, "<tr data-key-id=")).toBe(2);
    expect(table).toMatch(/Enabled<\/span>/);
    expect(table).toMatch(/Disabled<\/span>/);
    expect(table).not.toContain("<button");
    expect(table).not.toContain("Actions");
  });

  it("keeps its fixed column widths and leaves the rotation and the reason to the account's page", () => {
    const table = summary();
    expect(table).toContain("table-fixed");
    expect(count(table, "<col ")).toBe(7);
    expect(table).not.toContain("Being replaced");
    expect(table).not.toContain("leaked secret");
  });

  it("says so when the account has no keys, inside the card", () => {
    expect(html({ keys: [], caption: "x" })).toBe(
      `<p class="px-4 py-6 text-sm text-slate-600">This service account has no API keys yet.</p>`,
    );
  });
});

describe("KeysTable with controls: a service account's page", () => {
  it("gives an admin the switch and the row actions, in their own column", () => {
    const table = html({ keys: [KEY, DISABLED], caption: "c", controls: controls("admin") });
    expect(count(table, `role="switch"`)).toBe(2);
    expect(table).toContain(`<span class="sr-only">Actions</span>`);
    expect(table).toContain("Finish rotation");
    expect(table).toContain("Being replaced");
    expect(table).toContain("leaked secret");
    expect(table).not.toContain("table-fixed");
  });

  it("gives support the switch only, and a reviewer nothing to press", () => {
    const support = html({ keys: [KEY], caption: "c", controls: controls("support") });
    expect(support).toContain(`role="switch"`);
    expect(support).not.toContain("Actions");
    expect(html({ keys: [KEY], caption: "c", controls: controls("reviewer") })).not.toContain("<button");
  });

  it("says so when the account has no keys, as a page of its own", () => {
    const empty = html({ keys: [], caption: "x", controls: controls("admin") });
    expect(empty).toContain("rounded-lg border border-dashed");
  });
});
