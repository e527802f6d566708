// ELEVENLABS_API_KEY keeps working as one connection managed by the environment; demo mode shows
// its emulator as one connection.
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { connectionFromEnvironment } from "./environment";
import { connectionView } from "./view";

describe("the environment's connection", () => {
  it("is ELEVENLABS_API_KEY at ELEVENLABS_BASE_URL, showing only the key's last four characters", async () => {
    const key = "xi_admin_key_for_tests_Q9z4";
    const c = await connectionFromEnvironment(
      readEnv({ ELEVENLABS_API_KEY: key, ELEVENLABS_BASE_URL: "https://api.eu.residency.elevenlabs.io/" }),
    );
    expect(connectionView(c)).toEqual({
      id: "env-elevenlabs",
      name: "ElevenLabs (ELEVENLABS_API_KEY)",
      provider: "elevenlabs",
      baseUrl: "https://api.eu.residency.elevenlabs.io",
      source: "environment",
      credentialHint: "Q9z4",
      createdAt: null,
    });
    expect(JSON.stringify(connectionView(c))).not.toContain(key.slice(0, 8));
    expect(await c.credential()).toBe(key);
  });

  it("is the demo emulator in demo mode", async () => {
    const c = await connectionFromEnvironment(readEnv({}));
    expect(c).toMatchObject({ id: "demo-elevenlabs", source: "demo", provider: "elevenlabs" });
    expect(c.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${c.baseUrl}/v1/service-accounts`, {
      headers: { "xi-api-key": await c.credential() },
    });
    expect(res.status).toBe(200);
  });
});
