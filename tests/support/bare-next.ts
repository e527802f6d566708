// The floor for Keydesk's HTTP benchmarks: a bare Next.js app (this checkout's own `next`, one
// layout, one page, one route handler that reads the same emulator and answers its JSON), built
// and started in a throwaway folder under .bench/ (inside the checkout, so Turbopack finds `next`
// in its node_modules). Whatever Keydesk adds on top of this is Keydesk's cost.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface BareNext {
  url: string;
  stop(): Promise<void>;
}

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-next", private: true, type: "module" }),
  "next.config.mjs": "export default {};\n",
  "app/layout.tsx":
    "export default function Layout({ children }: { children: React.ReactNode }) {\n" +
    '  return <html lang="en"><body>{children}</body></html>;\n}\n',
  "app/page.tsx": "export default function Page() {\n  return <h1>Bare Next</h1>;\n}\n",
  // Its own, empty: without one the build takes the checkout's instrumentation.ts (Turbopack finds it
  // from the workspace root) and the floor ran Keydesk's warm-up, PGlite and all.
  "instrumentation.ts": "export function register(): void {}\n",
  // Reads the upstream on every request, as Keydesk's handler does, and answers its JSON.
  "app/api/service-accounts/route.ts":
    'export const dynamic = "force-dynamic";\n' +
    "export async function GET() {\n" +
    '  const res = await fetch(`${process.env.UPSTREAM_URL}/v1/service-accounts`, { headers: { "xi-api-key": process.env.UPSTREAM_KEY ?? "" }, cache: "no-store" });\n' +
    "  return Response.json(await res.json(), { status: res.status });\n}\n",
};

export async function startBareNext(
  port: number,
  upstream: { url: string; adminKey: string },
): Promise<BareNext> {
  mkdirSync(resolve(".bench"), { recursive: true });
  const dir = mkdtempSync(join(resolve(".bench"), "bare-next-"));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const next = resolve("node_modules", ".bin", "next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const build = spawnSync(next, ["build"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("the bare Next app did not build");
  const child = spawn(next, ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: dir,
    env: { ...env, UPSTREAM_URL: upstream.url, UPSTREAM_KEY: upstream.adminKey },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(url).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error("the bare Next app did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
