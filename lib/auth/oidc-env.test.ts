import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { oidcConfig, passwordSignInEnabled } from "./oidc-config";

const SSO = {
  KEYDESK_OIDC_ISSUER: "https://id.example.com/realms/staff",
  KEYDESK_OIDC_CLIENT_ID: "keydesk",
  KEYDESK_OIDC_CLIENT_SECRET: "client-secret-value",
};

describe("single sign-on settings", () => {
  it("are off when no issuer is set, and password sign-in is on", () => {
    const e = readEnv({});
    expect(oidcConfig(e)).toBeNull();
    expect(passwordSignInEnabled(e)).toBe(true);
  });

  it("read the issuer, client, name, scopes, claim and role map, with defaults", () => {
    expect(oidcConfig(readEnv(SSO))).toEqual({
      providerId: "oidc",
      name: "SSO",
      issuer: "https://id.example.com/realms/staff",
      discoveryUrl: "https://id.example.com/realms/staff/.well-known/openid-configuration",
      clientId: "keydesk",
      clientSecret: "client-secret-value",
      scopes: ["openid", "email", "profile"],
      roleClaim: "groups",
      roleMap: [],
    });
    const e = readEnv({
      ...SSO,
      KEYDESK_OIDC_ISSUER: "https://id.example.com/",
      KEYDESK_OIDC_NAME: "Acme ID",
      KEYDESK_OIDC_SCOPES: "openid email profile groups",
      KEYDESK_OIDC_ROLE_CLAIM: "keydesk_role",
      KEYDESK_OIDC_ROLE_MAP: "keydesk-admins=admin,keydesk-support=support",
      KEYDESK_PASSWORD_SIGN_IN: "off",
    });
    expect(oidcConfig(e)).toMatchObject({
      name: "Acme ID",
      discoveryUrl: "https://id.example.com/.well-known/openid-configuration",
      scopes: ["openid", "email", "profile", "groups"],
      roleClaim: "keydesk_role",
      roleMap: [
        { value: "keydesk-admins", role: "admin" },
        { value: "keydesk-support", role: "support" },
      ],
    });
    expect(passwordSignInEnabled(e)).toBe(false);
  });

  it("name the variable and the reason for a bad or missing value", () => {
    expect(() => readEnv({ ...SSO, KEYDESK_OIDC_ISSUER: "id.example.com" })).toThrow(
      /KEYDESK_OIDC_ISSUER: must be an http\(s\) URL/,
    );
    expect(() => readEnv({ KEYDESK_OIDC_ISSUER: SSO.KEYDESK_OIDC_ISSUER })).toThrow(
      /KEYDESK_OIDC_CLIENT_ID: required when KEYDESK_OIDC_ISSUER is set/,
    );
    expect(() => readEnv({ ...SSO, KEYDESK_OIDC_CLIENT_SECRET: "" })).toThrow(
      /KEYDESK_OIDC_CLIENT_SECRET: required when KEYDESK_OIDC_ISSUER is set/,
    );
    expect(() => readEnv({ ...SSO, KEYDESK_OIDC_ROLE_MAP: "admins=owner" })).toThrow(
      /KEYDESK_OIDC_ROLE_MAP: in "admins=owner", "owner" is not a role/,
    );
    expect(() => readEnv({ ...SSO, KEYDESK_OIDC_SCOPES: "email profile" })).toThrow(
      /KEYDESK_OIDC_SCOPES: must include openid/,
    );
    expect(() => readEnv({ KEYDESK_PASSWORD_SIGN_IN: "maybe" })).toThrow(
      /KEYDESK_PASSWORD_SIGN_IN: must be on or off/,
    );
    expect(() => readEnv({ KEYDESK_PASSWORD_SIGN_IN: "off" })).toThrow(
      /KEYDESK_PASSWORD_SIGN_IN: can only be off when single sign-on is set up \(KEYDESK_OIDC_ISSUER\)/,
    );
  });

  it("never puts the client secret in an error message", () => {
    try {
      readEnv({ ...SSO, KEYDESK_OIDC_ROLE_MAP: "bad" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(SSO.KEYDESK_OIDC_CLIENT_SECRET);
    }
  });
});
