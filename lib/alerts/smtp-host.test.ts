// The SMTP host of an email channel under the internal-address policy (smtp-host.ts): literal
// addresses, names and what they resolve to (DNS rebinding included), refused when a channel is saved
// (a 422 naming `host`, nothing stored, nothing audited) and again at send time (no connection made),
// and a host that passes is connected to at the very address that was checked. Real PGlite, a real
// local SMTP server.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addChannel, type AlertDeps } from "@/lib/alerts";
import type { SessionUser } from "@/lib/auth/session";
import { encryptionKey } from "@/lib/connections/crypto";
import { openDatabase, type Database } from "@/lib/db/database";
import { alertChannel, auditLog } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import { STRICT_POLICY } from "@/lib/http/upstream-address";
import { startSmtpInbox, type SmtpInbox } from "@/tests/support/smtp-inbox";
import { sendEmail } from "./send-email";
import { assertSmtpHostAllowed, smtpTarget } from "./smtp-host";
import type { EmailConfig } from "./types";

const LOOPBACK_OK = { loopback: true, private: false };
const OPEN = { loopback: true, private: true };
const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const neverResolves = async () => {
  throw new Error("resolved a name that needed no resolving");
};

describe("smtpTarget", () => {
  it("refuses metadata and link-local addresses whatever the settings", async () => {
    for (const host of ["169.254.169.254", "[fe80::1]", "fd00:ec2::254", "100.100.100.200", "0.0.0.0"]) {
      const target = await smtpTarget(host, { policy: OPEN, resolve: neverResolves });
      expect(target, host).toMatchObject({ ok: false, reason: "refused" });
    }
    const target = await smtpTarget("169.254.169.254", { policy: OPEN });
    expect(!target.ok && target.problem).toContain("The SMTP host must not point at 169.254.169.254");
  });

  it("refuses loopback and private networks unless allowed", async () => {
    for (const host of ["127.0.0.1", "[::1]", "::1", "localhost", "10.1.2.3", "192.168.0.9"])
      expect(await smtpTarget(host, { policy: STRICT_POLICY, resolve: neverResolves }), host).toMatchObject({
        ok: false,
        reason: "refused",
      });
    expect(await smtpTarget("127.0.0.1", { policy: LOOPBACK_OK })).toEqual({
      ok: true,
      address: "127.0.0.1",
      servername: undefined,
    });
    expect(await smtpTarget("10.1.2.3", { policy: LOOPBACK_OK })).toMatchObject({ ok: false });
    expect(await smtpTarget("10.1.2.3", { policy: OPEN })).toMatchObject({ ok: true, address: "10.1.2.3" });
  });

  it("checks every address a name resolves to, and hands back the one checked with the name for TLS", async () => {
    expect(
      await smtpTarget("smtp.example.com", { policy: STRICT_POLICY, resolve: resolvesTo("93.184.216.34") }),
    ).toEqual({ ok: true, address: "93.184.216.34", servername: "smtp.example.com" });
    // One refused address is enough (a name that also resolves inside is not an outside server).
    const rebinding = await smtpTarget("smtp.example.com", {
      policy: OPEN,
      resolve: resolvesTo("93.184.216.34", "169.254.169.254"),
    });
    expect(!rebinding.ok && rebinding.problem).toContain("smtp.example.com (169.254.169.254)");
    expect(
      await smtpTarget("smtp.example.com", { policy: STRICT_POLICY, resolve: resolvesTo("::ffff:10.0.0.1") }),
    ).toMatchObject({ ok: false, reason: "refused" });
    expect(
      await smtpTarget("nowhere.invalid", { policy: STRICT_POLICY, resolve: resolvesTo() }),
    ).toMatchObject({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("assertSmtpHostAllowed", () => {
  it("is a 422 naming the host field", async () => {
    const error = await assertSmtpHostAllowed("10.0.0.7", { policy: STRICT_POLICY }).catch((e: unknown) => e);
    expect(ApiError.is(error)).toBe(true);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).extra.fields).toEqual([
      { path: ["host"], message: expect.stringContaining("private network") },
    ]);
  });

  it("lets a name that does not resolve yet through (every send checks again)", async () => {
    await expect(
      assertSmtpHostAllowed("mail.not-yet.example", { policy: STRICT_POLICY, resolve: resolvesTo() }),
    ).resolves.toBeUndefined();
  });
});

describe("an email channel", () => {
  let database: Database;
  let deps: AlertDeps;
  let inbox: SmtpInbox;
  const password = `smtp-${randomBytes(12).toString("hex")}`;
  const ctx = {
    actor: { id: "user-admin", email: "admin@example.com", role: "admin" } as SessionUser,
    info: { ip: "127.0.0.1", userAgent: "vitest", requestId: "req-smtp" } as RequestInfo,
  };
  const config = (host: string): EmailConfig => ({
    host,
    port: inbox.port,
    security: "none",
    allowUntrustedCertificate: false,
    user: null,
    from: "keydesk@example.com",
    to: ["ops@example.com"],
  });
  const message = { subject: "Test", text: "Hello" };

  beforeAll(async () => {
    database = await openDatabase({ kind: "pglite", dataDir: null });
    const key = encryptionKey(randomBytes(32));
    deps = { db: database.db, keys: { current: key, all: [key] } };
    inbox = await startSmtpInbox();
  }, 180_000);

  afterAll(async () => {
    await inbox?.close();
    await database?.close();
  });

  it("pointing at the metadata address is refused when saved: 422 on host, nothing stored or audited", async () => {
    const error = await addChannel(deps, ctx, {
      type: "email",
      name: "Sneaky",
      host: "169.254.169.254",
      port: 25,
      security: "starttls",
      user: "alerts",
      password,
      from: "keydesk@example.com",
      to: ["ops@example.com"],
    }).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).message).toMatch(/^host: /);
    expect(await database.db.select().from(alertChannel)).toEqual([]);
    expect(await database.db.select().from(auditLog)).toEqual([]);
    expect(JSON.stringify(error)).not.toContain(password);
  });

  it("is refused again at send time, before any connection (a server on loopback, loopback not allowed)", async () => {
    const error = await sendEmail(config("127.0.0.1"), null, message, { policy: STRICT_POLICY }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain("The SMTP host must not point at 127.0.0.1");
    // A name that has come to resolve inside since it was saved: refused the same way.
    const rebound = await sendEmail(config("smtp.example.com"), null, message, {
      policy: OPEN,
      resolve: resolvesTo("169.254.169.254"),
    }).catch((e: unknown) => e);
    expect((rebound as Error).message).toContain("link-local");
    expect(inbox.mail).toHaveLength(0);
  });

  it("connects to the very address that was checked (the name is not looked up again)", async () => {
    // No DNS knows this name: only the checked address can have been used.
    await sendEmail(config("smtp.keydesk-test.invalid"), null, message, {
      policy: LOOPBACK_OK,
      resolve: resolvesTo("127.0.0.1"),
    });
    const [mail] = await inbox.waitFor(1);
    expect(mail!.to).toEqual(["ops@example.com"]);
  });
});
