// A row's headline and ending in words: failed sign-ins named as such, never "Signed in · error · http_401".
import { describe, expect, it } from "vitest";
import { describeAction } from "./describe-action";
import type { AuditChanges } from "./types";

const row = (
  action: string,
  outcome: "ok" | "error" | "applied" | "not_applied" | "unknown",
  errorCode: string | null = null,
) => ({
  action,
  outcome,
  errorCode,
  upstreamStatus: null,
  changes: null,
});

describe("describeAction", () => {
  it("names a failed sign-in plainly, with the reason its code stands for", () => {
    expect(describeAction(row("sign_in", "error", "http_401"))).toEqual({
      title: "Sign-in failed",
      outcome: "failed",
      detail: "wrong email or password",
      tone: "error",
    });
    expect(describeAction(row("sign_in", "error", "rate_limited")).title).toBe("Sign-in refused");
    expect(describeAction(row("sign_in", "error", "invalid_totp_code")).detail).toBe("wrong two-factor code");
    expect(describeAction(row("sign_in_sso", "error", "access_denied"))).toMatchObject({
      title: "Single sign-on failed",
      detail: "refused at the provider",
    });
    expect(describeAction(row("sign_in", "error", "http_418")).detail).toBe("HTTP 418");
    expect(describeAction(row("sign_in", "ok"))).toEqual({
      title: "Signed in",
      outcome: "ok",
      detail: null,
      tone: "ok",
    });
  });

  it("says an observed key appeared, vanished or changed", () => {
    const observed = (presence: { before: unknown; after: unknown } | null) => ({
      ...row("key_observed_change", "ok"),
      changes: (presence ? { presence } : { name: { before: "a", after: "b" } }) as AuditChanges,
    });
    expect(describeAction(observed({ before: "absent", after: "present" })).title).toBe(
      "Key created outside Keydesk",
    );
    expect(describeAction(observed({ before: "present", after: "absent" })).title).toBe(
      "Key deleted outside Keydesk",
    );
    expect(describeAction(observed(null)).title).toBe("Key changed outside Keydesk");
  });

  it("says how an uncertain or failed write ended, with the upstream status", () => {
    expect(
      describeAction({ ...row("key_updated", "error", "missing_rights"), upstreamStatus: 403 }),
    ).toMatchObject({
      outcome: "failed",
      detail: "the connection's admin key may not do this (HTTP 403)",
    });
    expect(
      describeAction({ ...row("key_created", "applied", "unavailable"), upstreamStatus: 500 }).detail,
    ).toBe("confirmed by re-reading after: the provider could not be reached (HTTP 500)");
    expect(describeAction(row("key_updated", "unknown")).tone).toBe("warning");
    expect(describeAction(row("key_updated", "not_applied", "unavailable"))).toMatchObject({
      outcome: "not applied",
      detail: "the provider could not be reached",
    });
    expect(describeAction(row("something_new", "error", "weird_code"))).toEqual({
      title: "Something new",
      outcome: "failed",
      detail: "weird code",
      tone: "error",
    });
  });
});
