// KEYDESK_PASSWORD_SIGN_IN=off: Keydesk's sign-in endpoint refuses a password (even a right one),
// and so does better-auth itself underneath; sign-out still works. Runs Keydesk's real auth route
// over an embedded database in a folder of its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "keydesk-sso-off-"));
Object.assign(process.env, {
  KEYDESK_DATA_DIR: dataDir,
  ELEVENLABS_API_KEY: "",
  // No provider listens here: discovery fails and is retried on use, which these tests never need.
  KEYDESK_OIDC_ISSUER: "http://127.0.0.1:9",
  KEYDESK_OIDC_CLIENT_ID: "keydesk",
  KEYDESK_OIDC_CLIENT_SECRET: "client-secret-value",
  KEYDESK_PASSWORD_SIGN_IN: "off",
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const ORIGIN = "http://127.0.0.1:3999";
const post = (path: string, body: unknown) =>
  new Request(`${ORIGIN}/api/auth${path}`, {
    method: "POST",
    headers: { origin: ORIGIN, host: "127.0.0.1:3999", "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("password sign-in switched off", () => {
  it(
    "refuses a right password at Keydesk's endpoint, and at better-auth's",
    { timeout: 120_000 },
    async () => {
      const { authRoute } = await import("@/lib/api/auth-route");
      const { getAuth } = await import("@/lib/auth");
      const res = await authRoute.POST(
        post("/sign-in/email", { email: "admin@demo.keydesk", password: "keydesk-demo" }),
      );
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        "Password sign-in is switched off",
      );
      expect(res.headers.get("set-cookie")).toBeNull();
      const auth = await getAuth();
      await expect(
        auth.api.signInEmail({ body: { email: "admin@demo.keydesk", password: "keydesk-demo" } }),
      ).rejects.toThrow();
    },
  );

  it("still signs out", async () => {
    const { authRoute } = await import("@/lib/api/auth-route");
    expect((await authRoute.POST(post("/sign-out", {}))).status).toBe(200);
  });
});
