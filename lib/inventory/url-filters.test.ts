// The browser's hand-written reader of the inventory's URL against the server's zod schema: the
// same filters, the same problems in the same order with the same messages, on every URL built
// from valid, invalid and hostile values (NUL bytes, lone surrogates, pasted secrets, values at
// and over the length limits, blanks and padding, repeats).
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/permissions";
import { parseInventoryFilters } from "./filters";
import { RISK_FLAGS } from "./types";
import { ID_MAX, readInventoryFilters, SEARCH_TEXT_MAX, SORT_KEYS, STATUSES } from "./url-filters";

const PARAMS = ["sa", "status", "risk", "perm", "q", "sort", "dir", "view", "other"] as const;
const SECRET = `sk_${"0123456789abcdef".repeat(3)}`;
const VALUES = [
  ...STATUSES,
  ...RISK_FLAGS,
  ...PERMISSIONS.slice(0, 6),
  ...SORT_KEYS,
  "asc",
  "desc",
  "sa_1",
  "sa_2",
  " sa_1 ",
  "Prod",
  "  padded text  ",
  "",
  " ",
  "\t",
  "ENABLED",
  " enabled",
  "all",
  "teleport",
  "a\u0000b",
  "\u0000",
  "lone \uD800 high",
  "lone \uDC00 low",
  "pair \uD83D\uDE00 ok",
  "\uD83D",
  SECRET,
  `my key ${SECRET} here`,
  `${SECRET}\u0000`, // two problems: the broken text is named first
  `sk_${"ab".repeat(15)}`, // too short to be a secret
  "x".repeat(ID_MAX),
  "x".repeat(ID_MAX + 1),
  ` ${"y".repeat(SEARCH_TEXT_MAX)} `, // at the limit once trimmed
  "z".repeat(SEARCH_TEXT_MAX + 1),
  `${"\u0000".repeat(3)}${"w".repeat(SEARCH_TEXT_MAX + 5)}`, // two problems: the first one is named
  `${SECRET}${"v".repeat(SEARCH_TEXT_MAX)}`,
  "q".repeat(5000),
  'a&b=c "d" #e %f +g',
];

/** A small deterministic generator, so a failure names a URL that can be run again. */
function random(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

const agree = (params: URLSearchParams) =>
  expect(readInventoryFilters(params), params.toString()).toEqual(parseInventoryFilters(params));

describe("readInventoryFilters (browser) and parseInventoryFilters (server)", () => {
  it("agree on every parameter with every value, alone", () => {
    for (const param of PARAMS) for (const value of VALUES) agree(new URLSearchParams([[param, value]]));
  });

  it("agree on every parameter given twice, in both orders", () => {
    for (const param of PARAMS)
      for (const a of VALUES.slice(0, 40))
        for (const b of [VALUES[2]!, "", "x".repeat(ID_MAX + 1), "\u0000", SECRET]) {
          agree(
            new URLSearchParams([
              [param, a],
              [param, b],
            ]),
          );
          agree(
            new URLSearchParams([
              [param, b],
              [param, a],
            ]),
          );
        }
  });

  it("agree on 5,000 URLs of mixed parameters", () => {
    const pick = random(11);
    for (let n = 0; n < 5000; n++) {
      const entries: [string, string][] = [];
      for (let i = pick(9); i > 0; i--)
        entries.push([PARAMS[pick(PARAMS.length)]!, VALUES[pick(VALUES.length)]!]);
      agree(new URLSearchParams(entries));
    }
  });

  it("agree on the empty URL", () => {
    agree(new URLSearchParams(""));
  });
});
