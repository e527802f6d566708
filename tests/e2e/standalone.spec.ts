// A smoke test of what ships: the build's standalone server (`node .next/standalone/server.js`, as
// the Dockerfile runs it) in demo mode with a data folder of its own. It must find its static files,
// PGlite's WebAssembly, the migrations and the embedded emulator, and run instrumentation.ts's hook.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "@/tests/support/e2e-servers";
import { signIn } from "@/tests/support/sign-in";

test("GET /api/health answers 200 ok, not cached; other methods are refused with 405", async ({
  request,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  expect(res.headers()["cache-control"]).toBe("no-store");
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    expect((await request.fetch("/api/health", { method })).status(), method).toBe(405);
    expect((await request.fetch("/api/ready", { method })).status(), method).toBe(405);
  }
});

test("the sign-in page answers 200 with its own nonce CSP, and its scripts and styles load", async ({
  page,
}) => {
  const failed: string[] = [];
  page.on("response", (res) => {
    if (res.url().includes("/_next/static/") && res.status() !== 200)
      failed.push(`${res.status()} ${res.url()}`);
  });
  const res = await page.goto("/sign-in");
  expect(res!.status()).toBe(200);
  expect(res!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  await expect(page.getByRole("region", { name: "Demo accounts" })).toContainText("admin@demo.keydesk");
  expect(failed).toEqual([]);
});

test("instrumentation.ts's hook runs: a malformed path is a 400 before Next.js sees it", async ({
  request,
}) => {
  const res = await request.get("/api/%ZZ");
  expect(res.status()).toBe(400);
  expect((await res.json()).error.code).toBe("bad_request");
});

test("a demo sign-in works and the demo workspace is shown; then the instance is ready", async ({
  page,
  request,
}) => {
  // The first sign-in opens and migrates the embedded database; the page then reads the emulator.
  await signIn(page, "admin@demo.keydesk", "keydesk-demo");
  await page.goto("/service-accounts");
  await expect(page.getByRole("region", { name: "Demo mode" })).toContainText("four built-in emulators");
  await expect(page.getByRole("region", { name: "Production TTS backend" })).toContainText(
    "prod-tts-primary",
  );

  const ready = await request.get("/api/ready");
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.status()).toBe(200);
  expect(ready.headers()["cache-control"]).toBe("no-store");
});

test("its first start copied the build's data folder template (the Dockerfile makes one), not a new initdb", () => {
  // PostgreSQL's system identifier (pg_control's first 8 bytes) is drawn anew by every initdb; a copy keeps it.
  const systemId = (dataDir: string) =>
    readFileSync(resolve(dataDir, "global", "pg_control"))
      .subarray(0, 8)
      .toString("hex");
  const template = systemId(".next/standalone/data-template");
  expect(systemId(resolve(E2E.dataDir, "standalone", "pglite"))).toBe(template);
  expect(systemId(resolve(E2E.dataDir, "demo", "pglite"))).not.toBe(template);
});

test("ships no sources: the build's file tracer copied only what the server runs", () => {
  // A path the tracer cannot bound (a runtime file under process.cwd()) makes it copy the whole
  // project; such a path carries a turbopackIgnore comment (lib/db/index.ts, lib/audit/anchor-key.ts).
  for (const source of ["app", "components", "tests", "lib/auth", "package-lock.json", "README.md"])
    expect(existsSync(resolve(".next/standalone", source)), source).toBe(false);
  expect(existsSync(resolve(".next/standalone/lib/db/migrations/meta/_journal.json"))).toBe(true);
});
