import { describe, expect, it } from "vitest";
import {
  DEFAULT_INVENTORY_FILTERS,
  defaultDir,
  inventoryFiltersSchema,
  inventorySearchParams,
  parseInventoryFilters,
  SEARCH_TEXT_MAX,
  SORT_KEYS,
  type InventoryFilters,
} from "./filters";
import { readInventoryFilters } from "./url-filters";

// The browser reads the URL by hand (url-filters.ts), the server with zod: both answer every case.
const READERS = [
  ["the server's zod schema (parseInventoryFilters)", parseInventoryFilters],
  ["the browser's hand-written reader (readInventoryFilters)", readInventoryFilters],
] as const;
const parse = (query: string) => parseInventoryFilters(new URLSearchParams(query));
const filters = (overrides: Partial<InventoryFilters>): InventoryFilters => ({
  ...DEFAULT_INVENTORY_FILTERS,
  ...overrides,
});

describe.each(READERS)("reading the URL with %s", (_, reader) => {
  const parse = (query: string) => reader(new URLSearchParams(query));

  it("reads no parameters as every key, newest first", () => {
    expect(parse("")).toEqual({
      filters: { connection: [], sa: [], risk: [], perm: [], q: "", sort: "createdAt", dir: "desc" },
      problems: [],
    });
    expect(DEFAULT_INVENTORY_FILTERS).toEqual(parse("").filters);
  });

  it("reads every filter, lists as repeated parameters", () => {
    const { filters: f, problems } = parse(
      "connection=c_1&connection=c_2&connection=c_1&sa=sa_1&sa=sa_2&status=disabled&risk=unrestricted&risk=no_allowlist&perm=voices_read&q=%20Prod%20&sort=usage&dir=asc",
    );
    expect(problems).toEqual([]);
    expect(f).toEqual({
      connection: ["c_1", "c_2"],
      sa: ["sa_1", "sa_2"],
      status: "disabled",
      risk: ["unrestricted", "no_allowlist"],
      perm: ["voices_read"],
      q: "Prod",
      sort: "usage",
      dir: "asc",
    });
  });

  it("drops repeats and puts flags and permissions in their canonical order", () => {
    const { filters: f } = parse(
      "risk=unseen&risk=unrestricted&risk=unseen&perm=voices_write&perm=text_to_speech&sa=b&sa=a&sa=b",
    );
    expect(f.risk).toEqual(["unrestricted", "unseen"]);
    expect(f.perm).toEqual(["text_to_speech", "voices_write"]);
    expect(f.sa).toEqual(["b", "a"]);
  });

  it("keeps the good values of a list and names each bad one", () => {
    const { filters: f, problems } = parse("risk=foo&risk=disabled&perm=voices_read&perm=teleport&risk=ALL");
    expect(f.risk).toEqual(["disabled"]);
    expect(f.perm).toEqual(["voices_read"]);
    expect(problems).toEqual([
      { param: "risk", message: 'Unknown risk flag "foo".' },
      { param: "risk", message: 'Unknown risk flag "ALL".' },
      { param: "perm", message: 'Unknown permission "teleport".' },
    ]);
  });

  it("reads a policy filter (any rule, or one kind) and refuses an unknown one, saying why", () => {
    expect(parse("policy=any").filters.policy).toBe("any");
    expect(parse("policy=no_unrestricted").filters.policy).toBe("no_unrestricted");
    const { filters: f, problems } = parse("policy=no_secrets");
    expect(f.policy).toBeUndefined();
    expect(problems).toEqual([{ param: "policy", message: 'Unknown policy rule "no_secrets".' }]);
  });

  it("falls back to defaults for a bad status, sort or direction, saying why", () => {
    const { filters: f, problems } = parse("status=maybe&sort=colour&dir=up");
    expect(f).toEqual(DEFAULT_INVENTORY_FILTERS);
    expect(problems.map((p) => p.param)).toEqual(["status", "sort", "dir"]);
    expect(problems[0]?.message).toBe('Unknown status "maybe"; use enabled or disabled.');
    expect(problems[1]?.message).toContain('"colour"');
    expect(problems[2]?.message).toContain('"up"');
  });

  it("uses the first of a repeated single parameter and says so", () => {
    const { filters: f, problems } = parse("status=enabled&status=disabled&q=a&q=b");
    expect(f.status).toBe("enabled");
    expect(f.q).toBe("a");
    expect(problems).toEqual([
      { param: "status", message: "Given 2 times; only the first is used." },
      { param: "q", message: "Given 2 times; only the first is used." },
    ]);
  });

  it("treats empty and blank values as no filter, without complaint", () => {
    expect(parse("sa=&sa=%20&status=&risk=&perm=&q=%20%20&sort=&dir=")).toEqual(parse(""));
  });

  it("ignores search text that is too long, and accepts it at the limit", () => {
    const tooLong = parse(`q=${"x".repeat(SEARCH_TEXT_MAX + 1)}`);
    expect(tooLong.filters.q).toBe("");
    expect(tooLong.problems).toEqual([
      { param: "q", message: expect.stringContaining(`${SEARCH_TEXT_MAX} characters`) },
    ]);
    expect(parse(`q=${"x".repeat(SEARCH_TEXT_MAX)}`).filters.q).toHaveLength(SEARCH_TEXT_MAX);
  });

  it("refuses an absurd service account id", () => {
    const { filters: f, problems } = parse(`sa=${"s".repeat(201)}&sa=sa_ok`);
    expect(f.sa).toEqual(["sa_ok"]);
    expect(problems.map((p) => p.param)).toEqual(["sa"]);
  });

  it("shortens a huge bad value in its message", () => {
    const { problems } = parse(`risk=${"z".repeat(5000)}`);
    expect(problems[0]?.message.length).toBeLessThan(100);
  });

  it("fills the direction from the sort when none is given", () => {
    expect(parse("sort=name").filters.dir).toBe("asc");
    expect(parse("sort=risk").filters.dir).toBe("desc");
    expect(parse("sort=name&dir=desc").filters.dir).toBe("desc");
  });

  it("ignores parameters it does not own", () => {
    expect(parse("page=3&utm_source=mail")).toEqual(parse(""));
  });
});

describe("defaultDir", () => {
  it("sorts measures biggest first and text A to Z", () => {
    expect(SORT_KEYS.filter((k) => defaultDir(k) === "desc")).toEqual([
      "permissions",
      "usage",
      "createdAt",
      "risk",
    ]);
  });
});

describe("inventorySearchParams", () => {
  it("writes nothing for the defaults", () => {
    expect(inventorySearchParams(DEFAULT_INVENTORY_FILTERS).toString()).toBe("");
  });

  it("leaves out the direction when it is the sort's default, and the sort when it is createdAt", () => {
    expect(inventorySearchParams(filters({ sort: "name", dir: "asc" })).toString()).toBe("sort=name");
    expect(inventorySearchParams(filters({ sort: "name", dir: "desc" })).toString()).toBe(
      "sort=name&dir=desc",
    );
    expect(inventorySearchParams(filters({ dir: "asc" })).toString()).toBe("dir=asc");
  });

  it("repeats list parameters", () => {
    expect(
      inventorySearchParams(filters({ risk: ["unrestricted", "no_allowlist"], sa: ["sa_1"] })).toString(),
    ).toBe("sa=sa_1&risk=unrestricted&risk=no_allowlist");
  });

  const cases: InventoryFilters[] = [
    DEFAULT_INVENTORY_FILTERS,
    filters({ status: "enabled" }),
    filters({ policy: "any" }),
    filters({ policy: "max_monthly_limit", status: "enabled" }),
    filters({ sa: ["sa 1", "sa&2=x", "ünï"], q: 'a&b=c "d" #e %f +g', sort: "serviceAccount", dir: "desc" }),
    filters({
      risk: [
        "unrestricted",
        "privileged",
        "no_allowlist",
        "no_limit",
        "near_limit",
        "disabled",
        "rotating",
        "unseen",
      ],
    }),
    filters({
      perm: ["text_to_speech", "voices_read", "voices_write", "service_account_write"],
      sort: "permissions",
      dir: "asc",
    }),
    ...SORT_KEYS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => filters({ sort, dir }))),
  ];

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("round-trips %s through a URL", (_, f) => {
    const url = `https://keydesk.example/keys?${inventorySearchParams(f).toString()}`;
    expect(parseInventoryFilters(new URL(url).searchParams)).toEqual({ filters: f, problems: [] });
  });

  it("writes the same URL for filters that mean the same", () => {
    const a = parse("risk=unseen&risk=disabled&perm=voices_write&perm=models_read").filters;
    const b = parse("perm=models_read&risk=disabled&perm=voices_write&risk=unseen&risk=disabled").filters;
    expect(inventorySearchParams(a).toString()).toBe(inventorySearchParams(b).toString());
  });
});

describe("inventoryFiltersSchema", () => {
  it("normalises filters built in code, and refuses unknown values", () => {
    expect(inventoryFiltersSchema.parse({ risk: ["unseen", "disabled"], sort: "hint" })).toEqual(
      filters({ risk: ["disabled", "unseen"], sort: "hint", dir: "asc" }),
    );
    expect(inventoryFiltersSchema.safeParse({ risk: ["foo"] }).success).toBe(false);
    expect(inventoryFiltersSchema.safeParse({ perm: ["all"] }).success).toBe(false);
  });
});
