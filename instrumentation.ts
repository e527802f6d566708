// Runs once when a Keydesk server starts, before it answers requests. On Node.js (not the edge
// runtime, where there is no socket) it installs the hook that stamps each request with its real
// client address before Next.js sees it (lib/http/install-request-stamp.ts), and, in production,
// the SIGTERM/SIGINT drain (lib/http/drain.ts; `next dev` keeps its own handling), and starts the
// warm-up (lib/auth warmUp: database, migrations, sign-in service) without waiting for it, so the
// server listens at once and the first request finds the work done or under way, never started by it.
// After the warm-up, once the server is quiet, it starts the job engine (lib/jobs), in production
// only, like the warm-up.
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself and replaced at build time; it is not configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installRequestStamp } = await import("./lib/http/install-request-stamp");
    installRequestStamp();
    const { ConfigError, env, isBuildPhase } = await import("./lib/env");
    // Alert delivery (lib/alerts/start.ts): subscribed to the alert bus; retries are the alert-deliveries job.
    if (!isBuildPhase()) (await import("./lib/alerts/start")).startAlertDelivery();
    // Not in `next build`'s workers: Next.js manages those processes itself.
    if (env().NODE_ENV === "production" && !isBuildPhase()) {
      // KEYDESK_CONNECTIONS_FILE is read now: a malformed file or a missing credential variable stops
      // the start, as a bad variable does, with the entry and the field named (lib/connections/file.ts).
      const { connectionsFromFile } = await import("./lib/connections/file");
      try {
        connectionsFromFile();
      } catch (error) {
        // Next.js would log this with a stack and keep listening, answering every request with an
        // error; one line and exit 1 instead, as for any configuration that cannot work.
        console.error(`Keydesk cannot start: ${(error as Error).message}`);
        process.exit(1);
      }
      const { installShutdown, whenQuiet } = await import("./lib/http/drain");
      installShutdown(env().KEYDESK_SHUTDOWN_GRACE_SECONDS);
      (await import("./lib/jobs/start-later")).jobsWillStart();
      // Inside this block (not a function of its own) so the edge build drops it with the block.
      void import("./lib/auth/index")
        .then(({ warmUp }) => warmUp())
        .catch(async (error: unknown) => {
          // Not fatal here: the first request that needs the database tries again and answers the error
          // (a configuration problem is the sign-in page's to explain, not a server error).
          if (ConfigError.is(error)) return;
          const { logServerError } = await import("./lib/log/server-error");
          logServerError("the warm-up at start failed", error);
        })
        // Then the job engine (lib/jobs: the watch job and the rest), on the same database, once no
        // request has been in flight for a second (15 s at most), or sooner when a request needs it
        // (lib/jobs/start-later.ts): loading the jobs' code and their first runs took about 2 s, which
        // the first sign-in after a start waited for. A failure is logged and the server goes on
        // answering; the jobs page shows that nothing runs.
        .then(() => whenQuiet(1000, 15_000))
        .then(() => import("./lib/jobs/index"))
        .then(({ startJobs }) => startJobs())
        // On SIGTERM the drain stops the engine too (lib/http/drain.ts): a run under way is given the
        // grace (less a second, so pg-boss can hand an unfinished run back for a retry before the exit).
        .then(async (engine) =>
          (await import("./lib/http/drain")).whenDraining((ms) => engine.stop(Math.max(1, ms / 1000 - 1))),
        )
        .catch(async (error: unknown) => {
          if (ConfigError.is(error)) return;
          const { logServerError } = await import("./lib/log/server-error");
          logServerError("the job engine did not start", error);
        });
    }
  }
}
