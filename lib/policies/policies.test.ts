import { describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { ApiError } from "@/lib/http/api-error";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { assertKeyKeepsPolicies } from "./enforce";
import { savePolicies } from "./save";
import { policiesSchema } from "./schema";
import { readPolicies } from "./store";

const open = testDatabases();
const ctx = {
  actor: { id: "u1", email: "admin@example.com", role: "admin" as const },
  info: { requestId: "req-1", ip: "203.0.113.9", userAgent: "vitest" },
};

describe("policiesSchema", () => {
  const issues = (body: unknown) => {
    const parsed = policiesSchema.safeParse(body);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("takes a number only where the rule has one, within its range", () => {
    expect(issues({ rules: [{ kind: "no_unrestricted", mode: "enforce", limit: null }] })).toEqual([]);
    expect(issues({ rules: [{ kind: "no_unrestricted", mode: "enforce", limit: 5 }] })).toEqual([
      "rules.0.limit: This rule takes no number.",
    ]);
    expect(issues({ rules: [{ kind: "max_monthly_limit", mode: "report", limit: 0 }] })[0]).toMatch(
      /^rules\.0\.limit: Enter a whole number of characters from 1 to/,
    );
    expect(issues({ rules: [{ kind: "max_expiry_days", mode: "report", limit: 1.5 }] })).toHaveLength(1);
  });

  it("refuses enforcing an age rule, a rule twice, an unknown rule and extra fields", () => {
    expect(issues({ rules: [{ kind: "rotated_within_days", mode: "enforce", limit: 30 }] })[0]).toMatch(
      /^rules\.0\.mode: .*can only be reported/,
    );
    const twice = { kind: "no_unrestricted", mode: "report", limit: null };
    expect(issues({ rules: [twice, twice] })).toEqual(["rules.1.kind: Each rule may be set once."]);
    expect(issues({ rules: [{ kind: "be_nice", mode: "report", limit: null }] })[0]).toMatch(
      /^rules\.0\.kind:/,
    );
    expect(issues({ rules: [], extra: 1 })).toHaveLength(1);
  });
});

describe.each(DATABASE_KINDS)("policies in the database (%s)", (kind) => {
  it("saves the whole set, reads it back in catalogue order, and audits only what changed", async () => {
    const { db } = await open(kind);
    expect(await readPolicies(db)).toEqual([]);
    await savePolicies(db, ctx, [
      { kind: "max_monthly_limit", mode: "enforce", limit: 5000 },
      { kind: "no_unrestricted", mode: "report", limit: null },
    ]);
    expect(await readPolicies(db)).toEqual([
      { kind: "no_unrestricted", mode: "report", limit: null },
      { kind: "max_monthly_limit", mode: "enforce", limit: 5000 },
    ]);
    // The same set again writes no audit row; switching one off records it.
    await savePolicies(db, ctx, await readPolicies(db));
    await savePolicies(db, ctx, [{ kind: "max_monthly_limit", mode: "enforce", limit: 5000 }]);
    const rows = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(["policies_changed", "policies_changed"]);
    expect(rows[0]!.changes).toEqual({
      "No unrestricted keys": {
        before: null,
        after: "report: No key may have every permission (ElevenLabs' all, DocSpace's * or *:write).",
      },
      "Monthly limit": {
        before: null,
        after: "enforce: Every key must have a monthly limit of at most 5,000 characters.",
      },
    });
    expect(rows[1]!.changes).toEqual({
      "No unrestricted keys": {
        before: "report: No key may have every permission (ElevenLabs' all, DocSpace's * or *:write).",
        after: null,
      },
    });
    expect(rows[1]!.actorEmail).toBe("admin@example.com");
    expect((await verifyAuditChain(db)).ok).toBe(true);
  }, 120_000);

  it("an enforced rule refuses a write that would break it, naming the field and the rule; a reported one does not", async () => {
    const { db } = await open(kind);
    const wide = {
      permissions: { kind: "permission_list" as const, value: "all" as const },
      characterLimit: null,
    };
    await savePolicies(db, ctx, [{ kind: "no_unrestricted", mode: "report", limit: null }]);
    await expect(assertKeyKeepsPolicies(db, wide, ELEVENLABS_CAPABILITIES)).resolves.toBeUndefined();

    await savePolicies(db, ctx, [
      { kind: "no_unrestricted", mode: "enforce", limit: null },
      { kind: "max_monthly_limit", mode: "enforce", limit: 100 },
    ]);
    const refused = await assertKeyKeepsPolicies(db, wide, ELEVENLABS_CAPABILITIES).catch((e: unknown) => e);
    expect(ApiError.is(refused)).toBe(true);
    const error = refused as ApiError;
    expect(error.status).toBe(422);
    expect(error.extra.fields).toEqual([
      {
        path: ["permissions"],
        message:
          "Refused by the policy “No key may have every permission (ElevenLabs' all, DocSpace's * or *:write).” It has every permission.",
      },
      {
        path: ["characterLimit"],
        message:
          "Refused by the policy “Every key must have a monthly limit of at most 100 characters.” It has no monthly limit.",
      },
    ]);
    // A DocSpace key has no character limit: only the rule that applies to it refuses it.
    const docspace = { permissions: { kind: "scopes" as const, value: ["files:read"] }, expiresInDays: null };
    await expect(assertKeyKeepsPolicies(db, docspace, DOCSPACE_CAPABILITIES)).resolves.toBeUndefined();
  }, 120_000);
});
