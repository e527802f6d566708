import { describe, expect, it } from "vitest";
import { auditCsv, auditJson, csvCell } from "./export";
import type { AuditEntry } from "./types";

const base: AuditEntry = {
  id: 7,
  at: "2025-01-02T03:04:05.006Z",
  requestId: "r1",
  actor: { userId: "u1", email: "ada@example.com", role: "admin" },
  ip: "203.0.113.1",
  userAgent: "Mozilla/5.0 (X11, Linux)",
  action: "key.update",
  target: {
    connectionId: null,
    serviceAccountId: "sa_1",
    keyId: "key_1",
    name: 'The "main" key,\nline two',
    userId: null,
  },
  changes: { name: { before: "a", after: "b" } },
  reason: '=HYPERLINK("http://evil")',
  outcome: "error",
  errorCode: "validation",
  upstreamStatus: 422,
  upstreamRequestId: null,
  completionId: 8,
  completedAt: "2025-01-02T03:04:06.000Z",
};

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    ["=1+1", "'=1+1"],
    ["+31 6 123", "'+31 6 123"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["=a,b", `"'=a,b"`],
    ["a=b", "a=b"],
    ["  =1+1", "'  =1+1"],
    ["\t =cmd|' /C calc'!A0", "'\t =cmd|' /C calc'!A0"],
    [" \r\n-1", `"' \r\n-1"`],
    ["\u3000@x", "'\u3000@x"],
    ["＝1+1", "'＝1+1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    ["   plain", "   plain"],
    [null, ""],
    [undefined, ""],
    [422, "422"],
  ])("%j -> %s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("auditCsv", () => {
  it("writes a header and one quoted, neutralised row per entry", () => {
    const csv = auditCsv([
      base,
      { ...base, id: 9, target: { ...base.target, name: "-cmd" }, changes: null, reason: null },
    ]);
    const [header] = csv.split("\r\n");
    expect(header).toBe(
      "id,at,request_id,actor_user_id,actor_email,actor_role,ip,user_agent,action,connection_id,connection,service_account_id,key_id,target_name,target_user_id,changes,reason,outcome,error_code,upstream_status,upstream_request_id,completed_at",
    );
    expect(csv).toContain(`"Mozilla/5.0 (X11, Linux)"`);
    expect(csv).toContain(`"The ""main"" key,\nline two"`);
    expect(csv).toContain(`"{""name"":{""before"":""a"",""after"":""b""}}"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(",'-cmd,");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4);
  });

  it("writes only the header for no entries", () => {
    expect(auditCsv([]).split("\r\n")).toHaveLength(2);
  });
});

describe("auditJson", () => {
  it("round-trips the entries", () => {
    expect(JSON.parse(auditJson([base]))).toEqual([base]);
  });
});
