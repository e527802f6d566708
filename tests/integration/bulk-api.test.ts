// The bulk changes API over real route handlers, demo mode, PGlite in a temporary folder and real
// sign-ins: reviewers get a 403; support may not delete, and must give a reason; bad bodies are a
// 422 naming the field (too many keys, repeats, NUL, wrong types); without a job engine in the
// process the POST says so and stores nothing; with it (as the production server), a bulk disable
// by support runs to the end and its keys are disabled upstream.
import { afterAll, describe, expect, it } from "vitest";
import type { ServiceAccountView } from "@/lib/keys/view";
import type { BulkChangeDetail } from "@/lib/bulk/types";
import { demoHandlers, handlerParams, handlerRequest, signInDemo } from "@/tests/support/demo-handlers";

demoHandlers("keydesk-bulk-api-");
afterAll(async () => {
  const { runningJobs } = await import("@/lib/jobs");
  await (await runningJobs())?.stop(1);
});

const route = () => import("@/app/api/bulk-changes/route");
const one = () => import("@/app/api/bulk-changes/[id]/route");
const cancel = () => import("@/app/api/bulk-changes/[id]/cancel/route");

async function primaryKeys(cookie: string) {
  const accounts = await import("@/app/api/service-accounts/route");
  const res = await accounts.GET(handlerRequest(cookie, "GET", "/api/service-accounts"));
  const { serviceAccounts } = (await res.json()) as { serviceAccounts: ServiceAccountView[] };
  return serviceAccounts.flatMap((sa) =>
    sa.keys.map((k) => ({ saId: sa.id, keyId: k.id, enabled: k.enabled })),
  );
}

const post = async (cookie: string, body: unknown) =>
  (await route()).POST(handlerRequest(cookie, "POST", "/api/bulk-changes", body));

describe("the bulk changes API", { timeout: 240_000 }, () => {
  it("refuses what a per-key write would refuse, and stores nothing", async () => {
    const reviewer = await signInDemo("reviewer@demo.keydesk");
    expect((await (await route()).GET(handlerRequest(reviewer, "GET", "/api/bulk-changes"))).status).toBe(
      403,
    );
    const key = { connectionId: "demo-elevenlabs", keyId: "k1", saId: "sa1" };
    expect((await post(reviewer, { action: "disable", reason: "x", keys: [key] })).status).toBe(403);

    const support = await signInDemo("support@demo.keydesk");
    expect((await post(support, { action: "delete", reason: "x", keys: [key] })).status).toBe(403);
    const noReason = await post(support, { action: "disable", keys: [key] });
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(await noReason.json())).toContain("reason");

    const admin = await signInDemo("admin@demo.keydesk");
    const field = async (body: unknown) => {
      const res = await post(admin, body);
      expect(res.status).toBe(422);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    const many = Array.from({ length: 501 }, (_, i) => ({ ...key, keyId: `k${i}` }));
    expect(await field({ action: "disable", keys: many })).toMatch(/^keys/);
    expect(await field({ action: "disable", keys: [key, key] })).toMatch(/^keys\.1/);
    expect(await field({ action: "disable", keys: [{ ...key, keyId: "a\u0000b" }] })).toMatch(
      /^keys\.0\.keyId/,
    );
    expect(await field({ action: 7, keys: [key] })).toMatch(/^action/);
    expect(await field({ action: "disable", keys: [{ ...key, expected: { enabled: "yes" } }] })).toMatch(
      /^keys\.0\.expected\.enabled/,
    );

    // No engine in this process yet (vitest does not start one): said, and nothing stored.
    const noEngine = await post(admin, { action: "disable", reason: "x", keys: [key] });
    expect(noEngine.status).toBe(503);
    const listed = await (await route()).GET(handlerRequest(admin, "GET", "/api/bulk-changes"));
    expect(await listed.json()).toEqual({ changes: [] });
  });

  it("with the engine running, a bulk disable runs to the end; cancelling a finished one is a 409", async () => {
    const { startJobs } = await import("@/lib/jobs");
    await startJobs();
    const support = await signInDemo("support@demo.keydesk");
    const keys = (await primaryKeys(support)).filter((k) => k.enabled).slice(0, 3);
    expect(keys).toHaveLength(3);
    const started = await post(support, {
      action: "disable",
      reason: "Bulk API test",
      keys: keys.map((k) => ({
        connectionId: "demo-elevenlabs",
        keyId: k.keyId,
        saId: k.saId,
        expected: { enabled: true },
      })),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };

    let change: BulkChangeDetail | null = null;
    for (let i = 0; i < 300; i++) {
      const res = await (
        await one()
      ).GET(handlerRequest(support, "GET", `/api/bulk-changes/${id}`), handlerParams({ id }));
      change = ((await res.json()) as { change: BulkChangeDetail }).change;
      if (change.state === "finished") break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(change).toMatchObject({ state: "finished", total: 3, counts: { done: 3 } });
    const now = await primaryKeys(support);
    for (const k of keys) expect(now.find((n) => n.keyId === k.keyId)!.enabled).toBe(false);

    // The admin may cancel anyone's; nothing is left here, so it is a 409, not a 403.
    const admin = await signInDemo("admin@demo.keydesk");
    const late = await (
      await cancel()
    ).POST(handlerRequest(admin, "POST", `/api/bulk-changes/${id}/cancel`), handlerParams({ id }));
    expect(late.status).toBe(409);
    const missing = await (
      await one()
    ).GET(handlerRequest(admin, "GET", "/api/bulk-changes/nope"), handlerParams({ id: "nope" }));
    expect(missing.status).toBe(404);
  });
});
