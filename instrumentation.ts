// Runs once when a Keydesk server starts, before it answers requests. On Node.js (not the edge
// runtime, where there is no socket) it installs the hook that stamps each request with its real
// client address before Next.js sees it (lib/http/install-request-stamp.ts), and, in production,
// the SIGTERM/SIGINT drain (lib/http/drain.ts; `next dev` keeps its own handling).
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself and replaced at build time; it is not configuration.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installRequestStamp } = await import("./lib/http/install-request-stamp");
    installRequestStamp();
    const { env, isBuildPhase } = await import("./lib/env");
    // Not in `next build`'s workers: Next.js manages those processes itself.
    if (env().NODE_ENV === "production" && !isBuildPhase()) {
      const { installShutdown } = await import("./lib/http/drain");
      installShutdown(env().KEYDESK_SHUTDOWN_GRACE_SECONDS);
    }
  }
}
