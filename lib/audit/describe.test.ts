// The audit log's changes in words: what a reader sees instead of raw JSON.
import { describe, expect, it } from "vitest";
import { describeChanges } from "./describe";

const texts = (changes: Parameters<typeof describeChanges>[0], names = {}) =>
  describeChanges(changes, names).map((l) => `${l.label}: ${l.text}`);

describe("describeChanges", () => {
  it("says a permissions edit as what was added and removed, by name", () => {
    expect(
      texts({
        permissions: {
          before: ["voices_read", "models_read"],
          after: ["models_read", "text_to_speech"],
        },
      }),
    ).toEqual(["Permissions: + Text to Speech, − Voices (read)"]);
  });

  it("reads a connection key's permissions object and DocSpace scopes by name", () => {
    expect(
      texts({
        permissions: {
          before: { kind: "scopes", value: ["files:read", "rooms:read"], unknown: [] },
          after: { kind: "scopes", value: ["files:read", "files:write"] },
        },
      }),
    ).toEqual(["Permissions: + Files (write), − Rooms (read)"]);
    expect(
      texts({
        permissions: {
          before: { kind: "scopes", value: "all" },
          after: { kind: "scopes", value: ["*:read"] },
        },
      }),
    ).toEqual(["Permissions: Unrestricted (*) → Everything (read)"]);
    expect(texts({ permissions: { before: "all", after: [] } })).toEqual([
      "Permissions: All permissions → None",
    ]);
  });

  it("says flags, limits and allowlists in words, null as not set", () => {
    expect(
      texts({
        enabled: { before: true, after: false },
        characterLimit: { before: null, after: 10000 },
        allowedIps: { before: ["10.0.0.1/32", "10.0.0.2/32"], after: ["10.0.0.2/32", "192.0.2.0/24"] },
        name: { before: "old", after: "new" },
      }),
    ).toEqual([
      "Status: Enabled → Disabled",
      "Character limit: No limit → 10,000 characters a month",
      "IP allowlist: + 192.0.2.0/24, − 10.0.0.1/32",
      "Name: old → new",
    ]);
    expect(texts({ allowedIps: { before: ["10.0.0.1"], after: null } })).toEqual([
      "IP allowlist: was 10.0.0.1",
    ]);
    expect(
      texts({ allowedIps: { before: null, after: ["10.0.0.1"] }, name: { before: "a", after: "b" } }),
    ).toEqual(["IP allowlist: Any address → 10.0.0.1", "Name: a → b"]);
  });

  it("says an export as a short sentence, not JSON", () => {
    expect(
      texts({
        export: {
          before: null,
          after: {
            format: "csv",
            filters: { action: "sign_in", actor: "ada@example.com" },
            rows: 17,
            truncated: false,
          },
        },
      }),
    ).toEqual(["Export: 17 rows as CSV, filters: action sign_in, actor ada@example.com"]);
    expect(texts({ export: { before: null, after: { format: "json", filters: {}, rows: 1 } } })).toEqual([
      "Export: 1 row as JSON, filters: none",
    ]);
  });

  it("lists what an observed key was created with, or had when it was deleted", () => {
    expect(
      texts({
        presence: { before: "absent", after: "present" },
        name: { before: null, after: "ci" },
        enabled: { before: null, after: true },
        permissions: { before: null, after: ["text_to_speech"] },
        characterLimit: { before: null, after: null },
        allowedIps: { before: null, after: null },
      }),
    ).toEqual([
      "Name: ci",
      "Status: Enabled",
      "Permissions: Text to Speech",
      "Character limit: No limit",
      "IP allowlist: Any address",
    ]);
    expect(
      texts({
        presence: { before: "present", after: "absent" },
        name: { before: "ci", after: null },
        permissions: { before: "all", after: null },
      }),
    ).toEqual(["Name: was ci", "Permissions: was All permissions"]);
  });

  it("names connections, and a user's connections as added and removed", () => {
    const names = { "demo-docspace": "Demo DocSpace portal" };
    expect(texts({ connections: { before: "all", after: ["demo-docspace"] } }, names)).toEqual([
      "Connections: All connections → Demo DocSpace portal",
    ]);
    expect(texts({ connections: { before: ["a"], after: ["a", "demo-docspace"] } }, names)).toEqual([
      "Connections: + Demo DocSpace portal",
    ]);
  });

  it("never crashes on a shape it does not know, and cuts long values with the whole kept", () => {
    const long = "x".repeat(500);
    const lines = describeChanges({
      someNewField: { before: { deep: { deeper: { deepest: [1, 2] } } }, after: 3 },
      notAChange: 42 as never,
      text: { before: long, after: "short" },
    });
    expect(lines[0]).toMatchObject({ label: "Some new field" });
    expect(lines[0]!.text).toContain("→ 3");
    expect(lines[1]).toMatchObject({ label: "Not a change", text: "42" });
    expect(lines[2]!.text.length).toBeLessThanOrEqual(160);
    expect(lines[2]!.text.endsWith("…")).toBe(true);
    expect(lines[2]!.full).toContain(long);
    expect(describeChanges(null)).toEqual([]);
    expect(describeChanges("nonsense" as never)).toEqual([]);
  });

  it("shows a value's invisible characters spelled out", () => {
    expect(texts({ name: { before: "a\u0000b", after: "ab" } })).toEqual(["Name: a\\u0000b → ab"]);
  });
});
