// Every route handler under app/api and the methods it exports, found from the files themselves,
// so a new handler cannot be added without the authorization tests noticing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface DiscoveredRoute {
  /** The route as written, e.g. "/api/users/[userId]". */
  pattern: string;
  /** A concrete path to call, with sample values in the dynamic segments. */
  samplePath: string;
  methods: string[];
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return /^route\.(ts|tsx|js)$/.test(entry) ? [path] : [];
  });
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(
    /export\s+(?:async\s+)?(?:const|function|let)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
  ))
    found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(",").map((s) => s.split(":")[0]!.trim()))
      if (METHODS.includes(name)) found.add(name);
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (METHODS.includes(name)) found.add(name);
    }
  }
  return [...found].sort();
}

export function discoverApiRoutes(root = process.cwd()): DiscoveredRoute[] {
  const apiDir = join(root, "app", "api");
  return routeFiles(apiDir).map((file) => {
    const segments = relative(join(root, "app"), file)
      .split(sep)
      .slice(0, -1)
      .filter((s) => !/^\(.*\)$/.test(s));
    const pattern = `/${segments.join("/")}`;
    const samplePath = `/${segments.map((s) => (s.startsWith("[...") ? "probe" : s.startsWith("[") ? "does-not-exist" : s)).join("/")}`;
    return { pattern, samplePath, methods: exportedMethods(readFileSync(file, "utf8")) };
  });
}

/**
 * The API routes that take no session: better-auth's sign-in and sign-out, setting a password with a
 * one-time link, the health and readiness probes, the Prometheus metrics (a bearer token instead,
 * 404 when none is configured), and the leak reports from scanners (a signature instead). Every other route refuses anyone not signed in with a role.
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  "/api/auth/[...all]",
  "/api/invites/accept",
  "/api/health",
  "/api/ready",
  "/api/metrics",
  // Leak reports from scanners: no session, a signature instead (lib/leaks).
  "/api/leaks/github",
  "/api/leaks/generic",
]);
