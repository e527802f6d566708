import { describe, expect, it } from "vitest";
import type { OidcConfig } from "./oidc-config";
import { runSsoCallback } from "./sso-callback-state";
import { ssoDatabaseHooks, ssoProviderConfig } from "./sso-provider";

const config: OidcConfig = {
  providerId: "oidc",
  name: "Acme ID",
  issuer: "https://id.example.com",
  discoveryUrl: "https://id.example.com/.well-known/openid-configuration",
  clientId: "keydesk",
  clientSecret: "client-secret-value",
  scopes: ["openid", "email", "profile"],
  roleClaim: "groups",
  roleMap: [{ value: "keydesk-support", role: "support" }],
};

const provider = ssoProviderConfig(config);
const createBefore = ssoDatabaseHooks.user!.create!.before!;

/** What better-auth does in a callback: map the profile, then create the user. */
async function firstSignIn(profile: Record<string, unknown>) {
  const { result } = await runSsoCallback(async () => {
    await provider.mapProfileToUser!({ ...profile, emailVerified: true } as never);
    return createBefore({ email: profile.email, name: "x" } as never, null);
  });
  return (result as { data: { role: string } } | undefined)?.data.role;
}

describe("single sign-on provider", () => {
  it("uses discovery, PKCE and verified ID tokens", () => {
    expect(provider).toMatchObject({
      providerId: "oidc",
      discoveryUrl: config.discoveryUrl,
      pkce: true,
      requireIdTokenVerification: true,
      scopes: ["openid", "email", "profile"],
    });
  });

  it("gives a first-time user the role their group maps to, or pending", async () => {
    expect(await firstSignIn({ email: "a@example.com", groups: ["keydesk-support"] })).toBe("support");
    expect(await firstSignIn({ email: "b@example.com", groups: ["staff"] })).toBe("pending");
    expect(await firstSignIn({ email: "c@example.com" })).toBe("pending");
  });

  it("leaves users made any other way alone (no callback in progress)", async () => {
    expect(
      await createBefore({ email: "d@example.com", name: "d", role: "admin" } as never, null),
    ).toBeUndefined();
  });
});
