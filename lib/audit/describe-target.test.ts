// A row's target by name with a link to its page, its ids kept for hover.
import { describe, expect, it } from "vitest";
import { keyHref } from "@/lib/key-href";
import { describeTarget } from "./describe-target";
import type { AuditEntry } from "./types";

const target = (t: Partial<AuditEntry["target"]>): AuditEntry["target"] => ({
  connectionId: null,
  serviceAccountId: null,
  keyId: null,
  name: null,
  userId: null,
  ...t,
});
const row = (
  action: string,
  t: Partial<AuditEntry["target"]>,
  details: Record<string, unknown> | null = null,
) => ({
  action,
  target: target(t),
  details,
  changes: null,
});

describe("describeTarget", () => {
  it("links a key to its page through keyHref, on the primary connection and others", () => {
    const [primary] = describeTarget(
      row("key_updated", {
        connectionId: "env-elevenlabs",
        serviceAccountId: "sa_1",
        keyId: "k1",
        name: "ci",
      }),
      { canSeeUsers: false },
    );
    expect(primary).toEqual({
      kind: "key",
      label: "ci",
      href: keyHref({ connectionId: "env-elevenlabs", group: "sa_1", keyId: "k1" }),
      ids: "Key id: k1, service account id: sa_1, connection id: env-elevenlabs",
    });
    const [other] = describeTarget(
      row("key_updated", { connectionId: "demo-docspace", keyId: "u-1", name: "portal" }),
      { canSeeUsers: false },
    );
    expect(other!.href).toBe("/connections/demo-docspace/keys/u-1");
  });

  it("names a deleted key without a link, and a key with no service account without one", () => {
    expect(
      describeTarget(row("key_deleted", { serviceAccountId: "sa_1", keyId: "k1", name: "old" }), {
        canSeeUsers: true,
      })[0]!.href,
    ).toBeNull();
    expect(describeTarget(row("key_updated", { keyId: "k1" }), { canSeeUsers: true })[0]).toMatchObject({
      label: "Key k1",
      href: null,
    });
  });

  it("names a key whose id was never learnt, then its service account", () => {
    expect(
      describeTarget(row("key_created", { serviceAccountId: "sa_1", name: "new key" }), {
        canSeeUsers: false,
      }),
    ).toEqual([
      { kind: "other", label: "new key", href: null, ids: "" },
      {
        kind: "service_account",
        label: "Service account sa_1",
        href: "/service-accounts/sa_1",
        ids: "Service account id: sa_1",
      },
    ]);
  });

  it("links a service account, a user for admins, and a connection from the details", () => {
    expect(
      describeTarget(row("inventory_baseline", { serviceAccountId: "sa 1" }), { canSeeUsers: false })[0],
    ).toMatchObject({
      kind: "service_account",
      href: "/service-accounts/sa%201",
    });
    const user = row("user_role_changed", { userId: "u1", name: "ada@example.com" });
    expect(describeTarget(user, { canSeeUsers: true })[0]).toMatchObject({
      label: "ada@example.com",
      href: "/users",
    });
    expect(describeTarget(user, { canSeeUsers: false })[0]!.href).toBeNull();
    expect(
      describeTarget(row("connection_renamed", { name: "Portal" }, { connectionId: "c1" }), {
        canSeeUsers: false,
      })[0],
    ).toMatchObject({
      kind: "connection",
      label: "Portal",
      href: "/connections/c1",
      ids: "Connection id: c1",
    });
    expect(
      describeTarget(row("connection_removed", { name: "Portal" }, { connectionId: "c1" }), {
        canSeeUsers: false,
      })[0]!.href,
    ).toBeNull();
    expect(describeTarget(row("sign_in", {}), { canSeeUsers: true })).toEqual([]);
  });
});
