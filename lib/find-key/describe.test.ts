import { describe, expect, it } from "vitest";
import { classifyQuery } from "./classify";
import { formatClock } from "./clock";
import { everywhereSummary, resultSummary, searchedFor } from "./describe";
import { describeMatch, describeOtherMatch } from "./describe-match";
import type { Candidate, Certainty, ConnectionSearch, FindEverywhereResult } from "./types";

const SECRET = `sk_${"f".repeat(44)}ab12`;

describe("searchedFor", () => {
  it("names a secret only by its last four characters, and quotes anything else", () => {
    expect(searchedFor(classifyQuery(SECRET))).toBe("a secret ending …ab12");
    expect(searchedFor(classifyQuery(SECRET))).not.toContain(SECRET.slice(0, 10));
    expect(searchedFor(classifyQuery("x".repeat(24) + "wxyz"))).toBe("a possible secret ending …wxyz");
    expect(searchedFor(classifyQuery("prod tts"))).toBe("“prod tts”");
  });
});

describe("describeMatch", () => {
  it("says in words how each reason matched", () => {
    expect(describeMatch({ by: "secret_hash", certainty: "exact" }, "secret", "ab12")).toBe(
      "Exact match: the secret's SHA-256 matches this key",
    );
    expect(describeMatch({ by: "hint", certainty: "possible" }, "secret", "ab12")).toBe(
      "Possible: same last four characters (…ab12), but the secret's SHA-256 does not match",
    );
    expect(describeMatch({ by: "hint", certainty: "possible" }, "hint", "ab12")).toBe(
      "Possible: its secret ends in …ab12",
    );
    expect(describeMatch({ by: "key_id", certainty: "exact" }, "text", "ab12")).toBe(
      "Exact match: this is the key's id",
    );
    expect(describeMatch({ by: "name", certainty: "likely" }, "text", "ab12")).toBe(
      "Likely: the key's name is what you searched for",
    );
    expect(describeMatch({ by: "name", certainty: "possible" }, "text", "ab12")).toBe(
      "Possible: the key's name contains what you searched for",
    );
  });
});

describe("resultSummary", () => {
  const candidate = (certainty: Certainty) => ({ certainty }) as Candidate;
  it("counts by certainty, says when some are not shown, and says when nothing matched", () => {
    expect(resultSummary({ candidates: [], total: 0, omitted: 0 }, "a secret ending …ab12")).toBe(
      "No key matches a secret ending …ab12.",
    );
    expect(
      resultSummary({ candidates: [candidate("exact")], total: 1, omitted: 0 }, "a secret ending …ab12"),
    ).toBe("1 key matches a secret ending …ab12: 1 exact.");
    expect(
      resultSummary(
        {
          candidates: [candidate("exact"), candidate("possible"), candidate("possible")],
          total: 5,
          omitted: 2,
        },
        "“prod”",
      ),
    ).toBe(
      "5 keys match “prod”: 1 exact, 2 possible. Showing the first 3; 2 more not shown: narrow the search to see them.",
    );
  });
});

describe("formatClock", () => {
  it("prints HH:MM:SS on a 24-hour clock", () => {
    expect(formatClock(new Date("2025-03-04T15:06:07Z"), "UTC")).toBe("15:06:07");
    expect(formatClock(new Date("2025-03-04T00:00:09Z"), "UTC")).toBe("00:00:09");
  });
});

describe("describeOtherMatch", () => {
  it("says how a key of another connection matched, in plain words", () => {
    expect(describeOtherMatch("hint", "secret", "ab12", "possible")).toBe(
      "Possible: the secret ends with this key's last characters (…ab12); this provider publishes no hash to be sure",
    );
    expect(describeOtherMatch("hint", "hint", "ab12", "possible")).toBe("Possible: its secret ends in …ab12");
    expect(describeOtherMatch("id", "text", null, "exact")).toBe("Exact match: this is the key's id");
    expect(describeOtherMatch("name", "text", null, "likely")).toBe(
      "Likely: the key's name is what you searched for",
    );
    expect(describeOtherMatch("name", "text", null, "possible")).toBe(
      "Possible: the key's name contains what you searched for",
    );
    expect(describeOtherMatch("secret_hash", "secret", "ab12", "exact")).toBe(
      "Exact match: the secret's SHA-256 matches this key",
    );
  });
});

describe("everywhereSummary", () => {
  const connection = (id: string) => ({ id, name: `${id} name`, providerLabel: "Voiceable" });
  const leak = { disable: false, responses: ["rotate", "delete"] } as const;
  const found: ConnectionSearch = {
    connection: connection("a"),
    leak,
    doctorKind: { permissionModel: "key_type", ipAllowlist: false },
    ok: true,
    candidates: [{ key: {} as never, matchedBy: ["hint"], certainty: "possible" }],
    total: 1,
    omitted: 0,
  };
  const failed: ConnectionSearch = {
    connection: connection("b"),
    leak,
    doctorKind: { permissionModel: "key_type", ipAllowlist: false },
    ok: false,
    error: { code: "upstream_timeout", message: "No answer.", upstreamRequestId: null },
  };
  const base: FindEverywhereResult = {
    kind: "secret",
    generatedAt: "2026-12-06T10:00:00.000Z",
    candidates: [],
    total: 0,
    omitted: 0,
    primary: { connection: connection("p"), ok: false, error: failed.ok ? (null as never) : failed.error },
    others: [found, failed],
  };

  it("counts every connection searched and names the ones that could not be", () => {
    expect(everywhereSummary(base, "a secret ending …ab12")).toBe(
      "1 key matches a secret ending …ab12: 1 possible. 2 connections could not be searched: p name, b name.",
    );
    expect(everywhereSummary({ ...base, primary: null, others: [found] }, "“x”")).toBe(
      "1 key matches “x”: 1 possible.",
    );
  });
});
