// The jobs API over real route handlers, demo mode, PGlite in a temporary folder and real sign-ins:
// only admins read the jobs, a run, or ask for a run (support and reviewers get a 403, nothing
// queued); bad ids are a 422 naming the field; with the process's engine started (as the
// production server does), "Run now" queues a watch run on the admin's behalf, with an audit row
// saying who asked, and the run's page lists the audit rows the run wrote, signed by the job.
import { afterAll, describe, expect, it } from "vitest";
import { demoHandlers, handlerParams, handlerRequest, signInDemo } from "@/tests/support/demo-handlers";

demoHandlers("keydesk-jobs-api-");
afterAll(async () => {
  const { runningJobs } = await import("@/lib/jobs");
  await (await runningJobs())?.stop(1);
});

describe("the jobs API", { timeout: 240_000 }, () => {
  it("answers admins only; everyone else gets a 403 and nothing is queued", async () => {
    const jobs = await import("@/app/api/jobs/route");
    const run = await import("@/app/api/jobs/runs/[runId]/route");
    const runNow = await import("@/app/api/jobs/[name]/run/route");
    const someRun = "00000000-0000-4000-8000-000000000000";
    for (const who of ["support@demo.keydesk", "reviewer@demo.keydesk"]) {
      const cookie = await signInDemo(who);
      expect((await jobs.GET(handlerRequest(cookie, "GET", "/api/jobs"))).status).toBe(403);
      expect(
        (
          await run.GET(
            handlerRequest(cookie, "GET", `/api/jobs/runs/${someRun}`),
            handlerParams({ runId: someRun }),
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await runNow.POST(
            handlerRequest(cookie, "POST", "/api/jobs/watch/run"),
            handlerParams({ name: "watch" }),
          )
        ).status,
      ).toBe(403);
    }
    const admin = await signInDemo("admin@demo.keydesk");
    const listed = await jobs.GET(handlerRequest(admin, "GET", "/api/jobs"));
    expect(listed.status).toBe(200);
    const body = await listed.json();
    // The default schedule: every 5 minutes. Nothing ran: the engine does not start under vitest.
    expect(body).toMatchObject({
      engineRunning: false,
      runs: [],
      schedules: [
        { name: "watch", everySeconds: 300, needsData: false },
        { name: "alert-deliveries", everySeconds: 30, needsData: false },
        { name: "audit-anchor", everySeconds: 3600, needsData: false },
        { name: "rotation-deadlines", everySeconds: 60, needsData: false },
        { name: "bulk-change", everySeconds: null, needsData: true },
      ],
    });
    const bad = await run.GET(
      handlerRequest(admin, "GET", "/api/jobs/runs/not-a-run"),
      handlerParams({ runId: "not-a-run" }),
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("runId");
    const unknown = await run.GET(
      handlerRequest(admin, "GET", `/api/jobs/runs/${someRun}`),
      handlerParams({ runId: someRun }),
    );
    expect(unknown.status).toBe(404);
    // Without an engine in this process, "Run now" says so.
    const refused = await runNow.POST(
      handlerRequest(admin, "POST", "/api/jobs/watch/run"),
      handlerParams({ name: "watch" }),
    );
    expect(refused.status).toBe(503);
  });

  it("runs the watch now for an admin; the run lists the audit rows it wrote, signed by the job", async () => {
    const { startJobs } = await import("@/lib/jobs");
    await startJobs();
    const runNow = await import("@/app/api/jobs/[name]/run/route");
    const run = await import("@/app/api/jobs/runs/[runId]/route");
    const admin = await signInDemo("admin@demo.keydesk");
    const noSuchJob = await runNow.POST(
      handlerRequest(admin, "POST", "/api/jobs/nope/run"),
      handlerParams({ name: "nope" }),
    );
    expect(noSuchJob.status).toBe(404);
    const asked = await runNow.POST(
      handlerRequest(admin, "POST", "/api/jobs/watch/run"),
      handlerParams({ name: "watch" }),
    );
    expect(asked.status).toBe(200);
    const { runId } = (await asked.json()) as { runId: string };
    let found: {
      run: { state: string; onBehalfOf: string };
      audit: { actor: { email: string; role: string } }[];
    } | null = null;
    for (let i = 0; i < 600 && found?.run.state !== "completed"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const res = await run.GET(
        handlerRequest(admin, "GET", `/api/jobs/runs/${runId}`),
        handlerParams({ runId }),
      );
      if (res.status === 200) found = await res.json();
    }
    expect(found?.run).toMatchObject({ state: "completed", onBehalfOf: "admin@demo.keydesk" });
    // The engine asked for this period's scheduled run as it started, and it ran first (one worker):
    // that run's first read of each demo connection wrote the baseline rows, signed by the job.
    const jobs = await import("@/app/api/jobs/route");
    const listed = (await (await jobs.GET(handlerRequest(admin, "GET", "/api/jobs"))).json()) as {
      engineRunning: boolean;
      runs: { id: string; name: string; state: string; onBehalfOf: string }[];
    };
    expect(listed.engineRunning).toBe(true);
    // (alert-deliveries runs on the schedule too, every 30 s.)
    const scheduled = listed.runs.find((r) => r.name === "watch" && r.onBehalfOf === "the schedule")!;
    expect(scheduled).toMatchObject({ state: "completed" });
    const detail = (await (
      await run.GET(
        handlerRequest(admin, "GET", `/api/jobs/runs/${scheduled.id}`),
        handlerParams({ runId: scheduled.id }),
      )
    ).json()) as { audit: { action: string; actor: unknown }[] };
    expect(detail.audit.length).toBeGreaterThan(0);
    for (const entry of detail.audit)
      expect(entry.actor).toMatchObject({
        email: "Keydesk (watch job), on behalf of the schedule",
        role: "job",
      });
    // The admin's run found nothing new: no rows of its own.
    expect(found!.audit).toEqual([]);
    // Who asked is on the log too.
    const { getDatabase } = await import("@/lib/db");
    const { queryAudit } = await import("@/lib/audit");
    const asks = await queryAudit((await getDatabase()).db, { action: "job_run_requested" });
    expect(asks.entries[0]).toMatchObject({
      actor: { email: "admin@demo.keydesk" },
      details: { job: "watch", runId },
    });
  });
});
