import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import { contentSecurityPolicy, OTHER_SECURITY_HEADERS } from "./lib/http/security-policy.mjs";

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  // Pages get their CSP, with a nonce per request, from proxy.ts; the API and the build's files
  // get the fixed one here (no inline script at all). Every response gets the other headers.
  const fixedPolicy = [{ key: "Content-Security-Policy", value: contentSecurityPolicy({ dev }) }];
  // `npm start`'s own build (lib/start.ts sets this for it alone): the same output, made faster for a
  // first start. It skips the type check, which checks and changes nothing in the output and is
  // `npm test`'s job (`npm run typecheck`), and Turbopack's build cache on disk, which only a later
  // build could use and which took longer to write than the check took to run.
  const startBuild = process.env.KEYDESK_START_BUILD === "1";
  return {
    ...(startBuild
      ? {
          typescript: { ignoreBuildErrors: true },
        }
      : {}),
    // Next.js loads every page's and route's server code when it starts (its default). That made a
    // started server's sign-in page wait about half a second behind pages nobody had asked for, and
    // kept all of it in memory; each page's code now loads on its first request instead.
    experimental: {
      ...(startBuild ? { turbopackFileSystemCacheForBuild: false } : {}),
      preloadEntriesOnStart: false,
    },
    reactStrictMode: true,
    poweredByHeader: false,
    // A self-contained server in .next/standalone (server.js and only the node_modules it uses), what
    // `npm start` and the Dockerfile run. Its static files are copied next to it (lib/start.ts, Dockerfile).
    output: "standalone",
    // The migrations are read from disk at run time (lib/db/database.ts); the tracer finds them, and
    // this keeps them in even if it ever stops.
    outputFileTracingIncludes: { "/**": ["./lib/db/migrations/**"] },
    // Server-only packages loaded from node_modules at run time: the upstream SDK, PGlite, which
    // reads its WebAssembly files from its own folder, and pg-boss (the job engine, CommonJS over pg).
    serverExternalPackages: ["@elevenlabs/elevenlabs-js", "@electric-sql/pglite", "pg", "pg-boss"],
    async headers() {
      return [
        { source: "/:path*", headers: [...OTHER_SECURITY_HEADERS] },
        { source: "/api/:path*", headers: fixedPolicy },
        { source: "/_next/:path*", headers: fixedPolicy },
      ];
    },
  };
}
