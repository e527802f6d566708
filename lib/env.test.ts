import { describe, expect, it } from "vitest";
import { EnvError, isDemoMode, readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to demo mode with a 10 s timeout against the production API", () => {
    const e = readEnv({});
    expect(isDemoMode(e)).toBe(true);
    expect(e.ELEVENLABS_TIMEOUT_MS).toBe(10_000);
    expect(e.ELEVENLABS_BASE_URL).toBe("https://api.elevenlabs.io");
  });

  it("is in real mode when an admin key is set, and treats an empty key as unset", () => {
    expect(isDemoMode(readEnv({ ELEVENLABS_API_KEY: "sk_admin" }))).toBe(false);
    expect(isDemoMode(readEnv({ ELEVENLABS_API_KEY: "" }))).toBe(true);
  });

  it("names the variable and the reason for a bad value", () => {
    expect(() => readEnv({ ELEVENLABS_TIMEOUT_MS: "soon" })).toThrow(EnvError);
    expect(() => readEnv({ ELEVENLABS_TIMEOUT_MS: "soon" })).toThrow(
      /ELEVENLABS_TIMEOUT_MS: must be a whole number/,
    );
    expect(() => readEnv({ ELEVENLABS_TIMEOUT_MS: "5" })).toThrow(
      /ELEVENLABS_TIMEOUT_MS: must be at least 100/,
    );
    expect(() => readEnv({ ELEVENLABS_BASE_URL: "ftp://x" })).toThrow(
      /ELEVENLABS_BASE_URL: must be an http\(s\) URL/,
    );
  });

  it("never puts the admin key in its error message", () => {
    const secret = "sk_very_secret_admin_key";
    try {
      readEnv({ ELEVENLABS_API_KEY: secret, ELEVENLABS_TIMEOUT_MS: "x" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });

  it("reads KEYDESK_TRUSTED_PROXIES as a list (empty by default) and names a bad entry", () => {
    expect(readEnv({}).KEYDESK_TRUSTED_PROXIES).toEqual([]);
    expect(
      readEnv({ KEYDESK_TRUSTED_PROXIES: " 10.0.0.0/8, 192.0.2.1 ,::1" }).KEYDESK_TRUSTED_PROXIES,
    ).toEqual(["10.0.0.0/8", "192.0.2.1", "::1"]);
    expect(() => readEnv({ KEYDESK_TRUSTED_PROXIES: "10.0.0.0/8, proxy.example" })).toThrow(
      /KEYDESK_TRUSTED_PROXIES: "proxy.example" is not an IP address or CIDR range/,
    );
  });

  it("keeps the sign-in pause at 15 minutes unless told otherwise", () => {
    expect(readEnv({}).KEYDESK_SIGN_IN_PAUSE_SECONDS).toBe(900);
    expect(() => readEnv({ KEYDESK_SIGN_IN_PAUSE_SECONDS: "1" })).toThrow(
      /KEYDESK_SIGN_IN_PAUSE_SECONDS: must be at least 10/,
    );
  });

  it("reads the roles that must use two-factor sign-in, and a step-up window of 5 minutes unless set", () => {
    expect(readEnv({}).KEYDESK_REQUIRE_2FA).toEqual([]);
    expect(readEnv({}).KEYDESK_STEP_UP_SECONDS).toBe(300);
    expect(readEnv({ KEYDESK_REQUIRE_2FA: " admin, support ," }).KEYDESK_REQUIRE_2FA).toEqual([
      "admin",
      "support",
    ]);
    expect(() => readEnv({ KEYDESK_REQUIRE_2FA: "admin,owner" })).toThrow(
      /KEYDESK_REQUIRE_2FA.*must list roles among admin, support and reviewer/,
    );
    expect(() => readEnv({ KEYDESK_STEP_UP_SECONDS: "0" })).toThrow(
      /KEYDESK_STEP_UP_SECONDS: must be at least 1/,
    );
  });
  it("takes a metrics token of 32+ characters, unset by default (no metrics endpoint)", () => {
    expect(readEnv({}).KEYDESK_METRICS_TOKEN).toBeUndefined();
    expect(readEnv({ KEYDESK_METRICS_TOKEN: "" }).KEYDESK_METRICS_TOKEN).toBeUndefined();
    const token = "m".repeat(32);
    expect(readEnv({ KEYDESK_METRICS_TOKEN: token }).KEYDESK_METRICS_TOKEN).toBe(token);
    expect(() => readEnv({ KEYDESK_METRICS_TOKEN: "short" })).toThrow(
      /KEYDESK_METRICS_TOKEN: must be at least 32 characters/,
    );
    // The token itself is never echoed in the message.
    expect(() => readEnv({ KEYDESK_METRICS_TOKEN: "short-token-value" })).not.toThrow(/short-token-value/);
  });

  it("drains for up to 25 seconds on shutdown unless told otherwise", () => {
    expect(readEnv({}).KEYDESK_SHUTDOWN_GRACE_SECONDS).toBe(25);
    expect(readEnv({ KEYDESK_SHUTDOWN_GRACE_SECONDS: "5" }).KEYDESK_SHUTDOWN_GRACE_SECONDS).toBe(5);
    expect(() => readEnv({ KEYDESK_SHUTDOWN_GRACE_SECONDS: "soon" })).toThrow(
      /KEYDESK_SHUTDOWN_GRACE_SECONDS: must be a whole number of seconds/,
    );
    expect(() => readEnv({ KEYDESK_SHUTDOWN_GRACE_SECONDS: "3601" })).toThrow(
      /KEYDESK_SHUTDOWN_GRACE_SECONDS: must be at most 3600/,
    );
  });

  it("reuses one read of every key for 5 seconds unless told otherwise (0: never)", () => {
    expect(readEnv({}).KEYDESK_SHARED_READ_MS).toBe(5_000);
    expect(readEnv({ KEYDESK_SHARED_READ_MS: "0" }).KEYDESK_SHARED_READ_MS).toBe(0);
    expect(() => readEnv({ KEYDESK_SHARED_READ_MS: "-1" })).toThrow(
      /KEYDESK_SHARED_READ_MS: must be at least 0/,
    );
    expect(() => readEnv({ KEYDESK_SHARED_READ_MS: "60001" })).toThrow(
      /KEYDESK_SHARED_READ_MS: must be at most 60000/,
    );
  });

  it("runs the watch job every 5 minutes unless told otherwise (0: not scheduled)", () => {
    expect(readEnv({}).KEYDESK_WATCH_INTERVAL_MINUTES).toBe(5);
    expect(readEnv({ KEYDESK_WATCH_INTERVAL_MINUTES: "0" }).KEYDESK_WATCH_INTERVAL_MINUTES).toBe(0);
    expect(() => readEnv({ KEYDESK_WATCH_INTERVAL_MINUTES: "1.5" })).toThrow(
      /KEYDESK_WATCH_INTERVAL_MINUTES: must be a whole number of minutes/,
    );
    expect(() => readEnv({ KEYDESK_WATCH_INTERVAL_MINUTES: "721" })).toThrow(
      /KEYDESK_WATCH_INTERVAL_MINUTES: must be at most 720/,
    );
  });

  it("takes a 32-byte encryption key as hex or base64, and names the variable otherwise without echoing it", () => {
    const bytes = Buffer.alloc(32, 7);
    expect(readEnv({ KEYDESK_ENCRYPTION_KEY: bytes.toString("hex") }).KEYDESK_ENCRYPTION_KEY).toEqual(bytes);
    expect(readEnv({ KEYDESK_ENCRYPTION_KEY: bytes.toString("base64") }).KEYDESK_ENCRYPTION_KEY).toEqual(
      bytes,
    );
    expect(
      readEnv({ KEYDESK_ENCRYPTION_KEY_OLD: bytes.toString("base64url") }).KEYDESK_ENCRYPTION_KEY_OLD,
    ).toEqual(bytes);
    expect(readEnv({}).KEYDESK_ENCRYPTION_KEY).toBeUndefined();
    for (const bad of [
      "too-short-key-value",
      Buffer.alloc(16).toString("hex"),
      Buffer.alloc(31, 1).toString("base64"),
    ]) {
      expect(() => readEnv({ KEYDESK_ENCRYPTION_KEY: bad })).toThrow(
        /KEYDESK_ENCRYPTION_KEY: must be 32 bytes as 64 hex digits or base64/,
      );
      expect(() => readEnv({ KEYDESK_ENCRYPTION_KEY: bad })).not.toThrow(bad);
    }
  });
});
