// Calling Keydesk's real route handlers in this process, as a browser would reach them: demo mode
// (its emulators, its accounts), PGlite in a throwaway folder, a real sign-in's cookie, and requests
// from Keydesk's own origin. For integration tests of an API's roles, refusals and audit rows.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";

export const ORIGIN = "http://localhost:3000";

/**
 * Demo mode on a data folder of the file's own, for the file's tests: sets the environment before
 * them (plus `env`: a value, or undefined to unset), closes the database, removes the folder and
 * puts every variable back after them. Call at the top of the file, before its own hooks: after-all
 * hooks run last-registered first, so the file's own (stopping a server, a job engine) come before
 * the database closes.
 */
export function demoHandlers(folderPrefix: string, env: Record<string, string | undefined> = {}): void {
  const dataDir = mkdtempSync(join(tmpdir(), folderPrefix));
  const wanted: Record<string, string | undefined> = {
    KEYDESK_DATA_DIR: dataDir,
    ELEVENLABS_API_KEY: undefined,
    ...env,
  };
  const saved = Object.fromEntries(Object.keys(wanted).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  beforeAll(() => apply(wanted));
  afterAll(async () => {
    const { getDatabase } = await import("@/lib/db");
    await (await getDatabase()).close();
    rmSync(dataDir, { recursive: true, force: true });
    apply(saved);
  });
}

/** Signs a demo account in through better-auth's own handler; returns its session cookie. */
export async function signInDemo(email: string): Promise<string> {
  const { authRoute } = await import("@/lib/api/auth-route");
  const res = await authRoute.POST(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost:3000" },
      body: JSON.stringify({ email, password: "keydesk-demo" }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

/** A request with the session's cookie, from Keydesk's origin; a JSON body when given. */
export const handlerRequest = (cookie: string, method: string, path: string, body?: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method,
    headers: { cookie, origin: ORIGIN, host: "localhost:3000", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A route handler's second argument. */
export const handlerParams = <T>(value: T) => ({ params: Promise.resolve(value) });
