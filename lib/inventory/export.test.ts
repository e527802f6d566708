import { describe, expect, it } from "vitest";
import { DEFAULT_INVENTORY_FILTERS, type InventoryFilters } from "./filters";
import { INVENTORY_CSV_HEADER, inventoryCsv, inventoryJson, inventoryJsonDocument } from "./export";
import { testRow } from "@/tests/support/inventory-rows";
import type { InventoryRow } from "./types";
import { parseCsv } from "@/tests/support/csv";

/** The parsed file as one object per key row, by header name. */
function csvObjects(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual(INVENTORY_CSV_HEADER);
  return rows.map((cells) => {
    expect(cells).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, cells[i]!]));
  });
}

const filters: InventoryFilters = {
  ...DEFAULT_INVENTORY_FILTERS,
  status: "enabled",
  risk: ["no_allowlist"],
  q: "prod",
};
const meta = { generatedAt: "2025-03-04T05:06:07.000Z", filters };

const plain = testRow({
  id: "key_1",
  serviceAccountId: "sa_1",
  serviceAccountName: "Production",
  name: "Website TTS",
  permissions: ["text_to_speech", "voices_read"],
  characterLimit: 1000,
  characterCount: 900,
  allowedIps: ["10.0.0.0/8", "2001:db8::/32"],
  rotation: { role: "old", partnerKeyId: "key_2", startedAt: "2025-03-01T00:00:00Z" },
  origin: "baseline",
});
const awkward = testRow({
  id: "key_2",
  serviceAccountName: 'Ops, "night" shift',
  name: '=HYPERLINK("http://evil.example","click")',
  hint: "-1+2",
  permissions: "all",
  characterLimit: null,
  characterCount: null,
  allowedIps: null,
  createdAt: null,
  enabled: false,
  disableReason: "line one\r\nline two",
  rotation: { role: "new", partnerKeyId: "key_1", startedAt: "2025-03-01T00:00:00Z" },
  origin: null,
});

describe("inventoryCsv", () => {
  it("starts with the header row and ends every line with CRLF", () => {
    const csv = inventoryCsv([plain], meta);
    expect(csv.startsWith(`${INVENTORY_CSV_HEADER.join(",")}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("is only the header for no rows", () => {
    expect(parseCsv(inventoryCsv([], meta))).toEqual([INVENTORY_CSV_HEADER]);
  });

  it("writes every column of a plain key", () => {
    expect(csvObjects(inventoryCsv([plain], meta))).toEqual([
      {
        connection_id: "",
        connection_name: "",
        provider: "",
        service_account_id: "sa_1",
        service_account_name: "Production",
        key_id: "key_1",
        name: "Website TTS",
        hint: "ab12",
        owner: "",
        status: "enabled",
        disable_reason: "",
        permissions: "text_to_speech voices_read",
        permission_summary: "2 of 51",
        character_limit: "1000",
        characters_used: "900",
        allowlist: "10.0.0.0/8 2001:db8::/32",
        origins: "",
        assistants: "",
        created_at: "2025-01-01T00:00:00.000Z",
        expires_at: "",
        last_used_at: "",
        rotation: "old (replaced by key_2)",
        origin: "baseline",
        risk_flags: "near_limit rotating",
        generated_at: "2025-03-04T05:06:07.000Z",
        filters: "status enabled; risk: no IP allowlist; text “prod”",
      },
    ]);
  });

  it("quotes commas, quotes and line breaks, and neutralises formulas, so they read back safely", () => {
    const [row] = csvObjects(inventoryCsv([awkward], meta));
    expect(row).toMatchObject({
      service_account_name: 'Ops, "night" shift',
      name: '\'=HYPERLINK("http://evil.example","click")',
      hint: "'-1+2",
      status: "disabled",
      disable_reason: "line one\r\nline two",
      permissions: "all",
      permission_summary: "All permissions",
      character_limit: "",
      characters_used: "",
      allowlist: "",
      created_at: "",
      rotation: "new (replaces key_1)",
      origin: "",
      risk_flags: "unrestricted privileged no_allowlist no_limit disabled rotating",
    });
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tTAB", "\rCR"])("neutralises a name starting %j", (name) => {
    const [row] = csvObjects(inventoryCsv([testRow({ name })], meta));
    expect(row?.name).toBe(`'${name}`);
  });

  // Spreadsheets skip leading blanks (spaces, tabs, line breaks, no-break and ideographic spaces,
  // zero-width characters) before deciding a cell is a formula, and some read the full-width signs
  // a Japanese or Chinese keyboard types as the ASCII ones: all of these are neutralised too.
  it.each([
    "  =1+1",
    " +cmd",
    "\t=SUM(A1)",
    " \t -2+3",
    "\r\n@SUM(A1)",
    "\n=1",
    "\u00a0=1",
    "\u3000=1",
    "\u200b=1",
    "\ufeff=1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    "  ＝HYPERLINK(1)",
  ])("neutralises a name starting with blanks or a full-width sign: %j", (name) => {
    const [row] = csvObjects(inventoryCsv([testRow({ name, serviceAccountName: name, hint: name })], meta));
    expect(row?.name).toBe(`'${name}`);
    expect(row?.service_account_name).toBe(`'${name}`);
    expect(row?.hint).toBe(`'${name}`);
  });

  it("does not touch names that merely hold a sign after a letter, or blanks before ordinary text", () => {
    const [row] = csvObjects(
      inventoryCsv([testRow({ name: "  tts = main", serviceAccountName: "a-b" })], meta),
    );
    expect(row).toMatchObject({ name: "  tts = main", service_account_name: "a-b" });
  });

  it("does not touch numbers or names with a formula sign later on", () => {
    const [row] = csvObjects(
      inventoryCsv([testRow({ name: "a=b-c", characterLimit: 0, characterCount: 0 })], meta),
    );
    expect(row).toMatchObject({
      name: "a=b-c",
      character_limit: "0",
      characters_used: "0",
      permission_summary: "1 of 51",
    });
  });

  it("repeats the time and filters on every row; the description starts with a word, so text in it stays inert", () => {
    const rows = csvObjects(
      inventoryCsv([plain, awkward, plain], {
        generatedAt: meta.generatedAt,
        filters: DEFAULT_INVENTORY_FILTERS,
      }),
    );
    expect(rows.map((r) => [r.generated_at, r.filters])).toEqual(
      Array(3).fill([meta.generatedAt, "all keys"]),
    );
    const sneaky = csvObjects(
      inventoryCsv([plain], {
        generatedAt: meta.generatedAt,
        filters: { ...DEFAULT_INVENTORY_FILTERS, sa: ["=cmd|x"] },
      }),
    );
    expect(sneaky[0]?.filters).toBe("service account =cmd|x");
    const named = inventoryCsv([plain], {
      generatedAt: meta.generatedAt,
      filters: { ...DEFAULT_INVENTORY_FILTERS, sa: ["sa_1"] },
      accountNames: new Map([["sa_1", "Production"]]),
    });
    expect(csvObjects(named)[0]?.filters).toBe("service account Production");
  });

  it("keeps rows in the order given", () => {
    expect(csvObjects(inventoryCsv([awkward, plain], meta)).map((r) => r.key_id)).toEqual(["key_2", "key_1"]);
  });
});

describe("inventoryJsonDocument and inventoryJson", () => {
  it("describes the export and lists the keys with structured values", () => {
    const doc = inventoryJsonDocument([plain, awkward], meta);
    expect(doc.generatedAt).toBe(meta.generatedAt);
    expect(doc.filters).toEqual({
      connection: [],
      sa: [],
      status: "enabled",
      risk: ["no_allowlist"],
      perm: [],
      q: "prod",
      sort: "createdAt",
      dir: "desc",
    });
    expect(doc.filterDescription).toBe("status enabled; risk: no IP allowlist; text “prod”");
    expect(doc.count).toBe(2);
    expect(doc.keys[0]).toEqual({
      connection: null,
      serviceAccountId: "sa_1",
      serviceAccountName: "Production",
      id: "key_1",
      name: "Website TTS",
      hint: "ab12",
      enabled: true,
      owner: null,
      disableReason: null,
      permissions: ["text_to_speech", "voices_read"],
      access: { kind: "permission_list", value: ["text_to_speech", "voices_read"], unknown: [] },
      permissionSummary: "2 of 51",
      characterLimit: 1000,
      characterCount: 900,
      allowedIps: ["10.0.0.0/8", "2001:db8::/32"],
      restrictions: {},
      createdAt: "2025-01-01T00:00:00.000Z",
      expiresAt: null,
      lastUsedAt: null,
      rotation: { role: "old", partnerKeyId: "key_2", startedAt: "2025-03-01T00:00:00Z" },
      origin: "baseline",
      flags: ["near_limit", "rotating"],
    });
    expect(doc.keys[1]).toMatchObject({
      permissions: "all",
      allowedIps: null,
      characterLimit: null,
      origin: null,
      name: awkward.name,
    });
  });

  it("spells out a missing status as null", () => {
    expect(
      inventoryJsonDocument([], { generatedAt: meta.generatedAt, filters: DEFAULT_INVENTORY_FILTERS }).filters
        .status,
    ).toBeNull();
  });

  it("writes the same document as indented JSON text", () => {
    const text = inventoryJson([plain, awkward], meta);
    expect(JSON.parse(text)).toEqual(inventoryJsonDocument([plain, awkward], meta));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "count": 2,');
  });

  it("keeps the document's lists separate from the rows", () => {
    const doc = inventoryJsonDocument([plain], meta);
    (doc.keys[0]!.allowedIps as string[]).push("0.0.0.0/0");
    (doc.keys[0]!.flags as string[]).push("oops");
    expect(plain.allowedIps).toEqual(["10.0.0.0/8", "2001:db8::/32"]);
    expect(plain.flags).toEqual(["near_limit", "rotating"]);
  });
});

describe("secrets", () => {
  // A row object that, by some mistake upstream, still carries the secret and its hash.
  const leaky = {
    ...plain,
    secret: "sk_SECRET_VALUE_0123456789",
    hashedSecret: "HASH_0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    apiKey: "sk_SECRET_VALUE_0123456789",
  } as InventoryRow;
  const leakyFilters = { ...filters, secret: "sk_SECRET_VALUE_0123456789" } as InventoryFilters;

  it("never reach the CSV", () => {
    const csv = inventoryCsv([leaky], { generatedAt: meta.generatedAt, filters: leakyFilters });
    expect(csv).not.toContain("SECRET_VALUE");
    expect(csv).not.toContain("HASH_");
    expect(csv.toLowerCase()).not.toContain("secret");
  });

  it("never reach the JSON", () => {
    const json = inventoryJson([leaky], { generatedAt: meta.generatedAt, filters: leakyFilters });
    expect(json).not.toContain("SECRET_VALUE");
    expect(json).not.toContain("HASH_");
    expect(json.toLowerCase()).not.toContain("secret");
    expect(Object.keys(inventoryJsonDocument([leaky], meta).keys[0]!)).not.toContain("hashedSecret");
  });

  it("nor do the rows' precomputed fields", () => {
    const json = inventoryJson([leaky], meta);
    for (const field of ["searchText", "usageRatio", "breadth", "createdAtMs"])
      expect(json).not.toContain(field);
    for (const field of ["search_text", "usage_ratio", "breadth", "created_at_ms"])
      expect(INVENTORY_CSV_HEADER).not.toContain(field);
  });
});
