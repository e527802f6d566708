// Alert delivery end to end, over real sockets: a signed webhook to a local HTTP receiver that checks
// the HMAC, a Slack-shaped receiver, and email to a local SMTP server (plain, and STARTTLS with a
// password). Retries with backoff against a failing receiver, giving up after the last try; which
// channels take an event; the key_disabled alert from an audited write's completion; and no secret
// (a channel's, or anything shaped like a key's) in what is sent, what is logged or what is stored.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addChannel, recordAlert, runDueDeliveries, type AlertDeps } from "@/lib/alerts";
import { testChannel } from "@/lib/alerts/actions";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/alerts/backoff";
import { reencryptChannelSecrets } from "@/lib/alerts/reencrypt";
import { onAlert, type AlertEvent } from "@/lib/alerts/events";
import type { NewChannelInput } from "@/lib/alerts/schema";
import { verifySignature } from "@/lib/alerts/signature";
import { beginAttempt, completeAttempt } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { encryptionKey } from "@/lib/connections/crypto";
import { openDatabase, type Database } from "@/lib/db/database";
import { alertChannel, alertDelivery, auditLog } from "@/lib/db/schema";
import type { RequestInfo } from "@/lib/http/request-info";
import { STRICT_POLICY } from "@/lib/http/upstream-address";
import { createGuardedFetch } from "@/lib/http/upstream-address-fetch";
import { startHttpReceiver, type HttpReceiver } from "@/tests/support/smtp-http-receiver";
import { startSmtpInbox, type SmtpInbox } from "@/tests/support/smtp-inbox";

const SIGNING_SECRET = `whsec-${randomBytes(16).toString("hex")}`;
const SMTP_PASSWORD = `smtp-${randomBytes(12).toString("hex")}`;
const KEY_SECRET = `sk_${"ab12".repeat(12)}`;

let database: Database;
let deps: AlertDeps;
const closers: (() => Promise<void>)[] = [];

const ctx = {
  actor: { id: "user-admin", email: "admin@example.com", role: "admin" } as SessionUser,
  info: { ip: "127.0.0.1", userAgent: "vitest", requestId: "req-1" } as RequestInfo,
};

function event(overrides: Partial<AlertEvent> = {}): AlertEvent {
  return {
    kind: "leak_reported",
    severity: "urgent",
    title: "Key “ci-bot” was reported public",
    // A publisher's mistake: a key secret in the body must still never leave Keydesk.
    body: `Found in a public repository: ${KEY_SECRET}`,
    target: { connectionId: "conn_1", keyId: "key_1", name: "ci-bot" },
    at: "2026-12-07T00:00:00.000Z",
    ...overrides,
  };
}

async function receiver(statuses?: number[]): Promise<HttpReceiver> {
  const r = await startHttpReceiver(statuses);
  closers.push(r.close);
  return r;
}

async function inbox(options?: Parameters<typeof startSmtpInbox>[0]): Promise<SmtpInbox> {
  const i = await startSmtpInbox(options);
  closers.push(i.close);
  return i;
}

/** Everything the alert tables and the audit log hold, as one text to search. */
async function storedText(): Promise<string> {
  const rows = await Promise.all([
    database.db.select().from(alertChannel),
    database.db.select().from(alertDelivery),
    database.db.select().from(auditLog),
  ]);
  return JSON.stringify(rows);
}

const add = (input: NewChannelInput) => addChannel(deps, ctx, input);

beforeAll(async () => {
  database = await openDatabase({ kind: "pglite", dataDir: null });
  const key = encryptionKey(randomBytes(32));
  deps = { db: database.db, keys: { current: key, all: [key] } };
}, 180_000); // a new PGlite database takes a while on a busy machine

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await database.db.delete(alertChannel);
  await database.db.delete(alertDelivery);
});

afterAll(async () => {
  await database.close();
});

describe("a signed webhook", () => {
  it("POSTs the event with a timestamped HMAC the receiver verifies, and no secret", async () => {
    const r = await receiver();
    const channel = await add({
      type: "webhook",
      name: "Ops hook",
      url: `${r.url}/hook`,
      secret: SIGNING_SECRET,
    });
    expect(channel.secretHint).toBe(SIGNING_SECRET.slice(-4));
    expect(JSON.stringify(channel)).not.toContain(SIGNING_SECRET);

    const [row] = await recordAlert(deps, event());
    expect(await runDueDeliveries(deps)).toEqual({ sent: 1, retrying: 0, failed: 0, dropped: 0 });
    expect(r.requests).toHaveLength(1);
    const got = r.requests[0]!;
    expect(got.method).toBe("POST");
    expect(got.path).toBe("/hook");
    expect(got.headers["x-keydesk-event"]).toBe("leak_reported");
    expect(got.headers["x-keydesk-delivery"]).toBe(String(row!.id));
    const headers = {
      signature: String(got.headers["x-keydesk-signature"]),
      timestamp: String(got.headers["x-keydesk-timestamp"]),
    };
    expect(headers.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(SIGNING_SECRET, headers, got.body)).toBe(true);
    // Able to fail: another secret, a changed body, or an old timestamp does not verify.
    expect(verifySignature("another-secret-000", headers, got.body)).toBe(false);
    expect(verifySignature(SIGNING_SECRET, headers, got.body.replace("ci-bot", "ci-bat"))).toBe(false);
    expect(verifySignature(SIGNING_SECRET, headers, got.body, Number(headers.timestamp) + 3600)).toBe(false);

    const body = JSON.parse(got.body);
    expect(body.event.title).toBe("Key “ci-bot” was reported public");
    expect(body.event.target.name).toBe("ci-bot");
    expect(got.body).not.toContain(KEY_SECRET);
    expect(got.body).not.toContain(SIGNING_SECRET);
    expect(JSON.stringify(got.headers)).not.toContain(SIGNING_SECRET);

    const [delivery] = await database.db.select().from(alertDelivery);
    expect(delivery).toMatchObject({ status: "sent", attempts: 1, responseStatus: 200, nextAttemptAt: null });
    const stored = await storedText();
    expect(stored).not.toContain(SIGNING_SECRET);
    expect(stored).not.toContain(KEY_SECRET);
  });
});

describe("a Slack-compatible webhook", () => {
  it("POSTs { text } to the URL, which is kept encrypted and shown only by its host", async () => {
    const r = await receiver();
    const token = `T000/B000/${randomBytes(12).toString("hex")}`;
    const slackUrl = `${r.url}/services/${token}`;
    const channel = await add({ type: "slack", name: "Slack", url: slackUrl });
    expect(channel.config).toEqual({ host: new URL(r.url).host });
    await recordAlert(deps, event());
    expect((await runDueDeliveries(deps)).sent).toBe(1);
    expect(r.requests[0]!.path).toBe(`/services/${token}`);
    const body = JSON.parse(r.requests[0]!.body);
    expect(Object.keys(body)).toEqual(["text"]);
    expect(body.text).toContain("URGENT: Key “ci-bot” was reported public");
    expect(body.text).toContain("sk_[redacted]");
    expect(body.text).not.toContain(KEY_SECRET);
    expect(await storedText()).not.toContain(token);
  });

  it("keeps a failure's error in the log without the URL's token", async () => {
    const r = await receiver();
    await r.close(); // nobody listens there now
    const token = `T111/B111/${randomBytes(12).toString("hex")}`;
    await add({ type: "slack", name: "Slack down", url: `${r.url}/services/${token}` });
    await recordAlert(deps, event());
    expect((await runDueDeliveries(deps)).retrying).toBe(1);
    const [delivery] = await database.db.select().from(alertDelivery);
    expect(delivery!.lastError).toBeTruthy();
    expect(await storedText()).not.toContain(token);
  });
});

describe("email over SMTP", () => {
  it("sends the alert to every recipient through a local server", async () => {
    const i = await inbox();
    await add({
      type: "email",
      name: "Mail",
      host: "127.0.0.1",
      port: i.port,
      security: "none",
      from: "keydesk@example.com",
      to: ["ops@example.com", "sec@example.com"],
    });
    await recordAlert(deps, event());
    expect((await runDueDeliveries(deps)).sent).toBe(1);
    const [mail] = await i.waitFor(1);
    expect(mail!.from).toBe("keydesk@example.com");
    expect(mail!.to).toEqual(["ops@example.com", "sec@example.com"]);
    expect(mail!.raw).toMatch(/^Subject: =\?UTF-8\?Q\?=5BKeydesk_urgent=5D_Key_/m); // "[Keydesk urgent] Key …"
    expect(mail!.raw).toContain("ci-bot");
    expect(mail!.raw).not.toContain(KEY_SECRET);
  });

  it("signs in over STARTTLS with the stored password, which is stored encrypted only", async () => {
    const i = await inbox({ users: { alerts: SMTP_PASSWORD } });
    const channel = await add({
      type: "email",
      name: "Mail with sign-in",
      host: "127.0.0.1",
      port: i.port,
      security: "starttls",
      allowUntrustedCertificate: true,
      user: "alerts",
      password: SMTP_PASSWORD,
      from: "keydesk@example.com",
      to: ["ops@example.com"],
    });
    expect(channel.secretHint).toBe(SMTP_PASSWORD.slice(-4));
    const result = await testChannel(deps, ctx, channel.id);
    expect(result).toMatchObject({ ok: true, error: null });
    const [mail] = await i.waitFor(1);
    expect(mail).toMatchObject({ user: "alerts", secure: true });
    expect(mail!.raw).toContain("Test alert from Keydesk");
    expect(await storedText()).not.toContain(SMTP_PASSWORD);
  });

  it("a wrong password fails with an error that does not quote it", async () => {
    const i = await inbox({ users: { alerts: "the-right-one" } });
    const channel = await add({
      type: "email",
      name: "Mail, wrong password",
      host: "127.0.0.1",
      port: i.port,
      security: "starttls",
      allowUntrustedCertificate: true,
      user: "alerts",
      password: SMTP_PASSWORD,
      from: "keydesk@example.com",
      to: ["ops@example.com"],
    });
    const result = await testChannel(deps, ctx, channel.id);
    expect(result.ok).toBe(false);
    expect(result.error).toBeTruthy();
    expect(result.error).not.toContain(SMTP_PASSWORD);
    expect(i.mail).toHaveLength(0);
    expect(await storedText()).not.toContain(SMTP_PASSWORD);
  });
});

describe("retries", () => {
  it("tries again with growing delays and stops once the receiver accepts", async () => {
    const r = await receiver([500, 503, 200]);
    await add({ type: "webhook", name: "Flaky", url: r.url, secret: SIGNING_SECRET });
    const t0 = new Date("2026-12-07T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    await recordAlert(deps, event(), t0);

    expect(await runDueDeliveries(deps, t0)).toMatchObject({ retrying: 1 });
    let [row] = await database.db.select().from(alertDelivery);
    expect(row).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500 });
    expect(row!.lastError).toContain("HTTP 500");
    expect(row!.nextAttemptAt).toEqual(at(30));

    // Not due yet: nothing is sent.
    expect(await runDueDeliveries(deps, at(29))).toEqual({ sent: 0, retrying: 0, failed: 0, dropped: 0 });
    expect(r.requests).toHaveLength(1);

    expect(await runDueDeliveries(deps, at(30))).toMatchObject({ retrying: 1 });
    [row] = await database.db.select().from(alertDelivery);
    expect(row).toMatchObject({ attempts: 2, responseStatus: 503 });
    expect(row!.nextAttemptAt).toEqual(at(90)); // 60 s after the second failure

    expect(await runDueDeliveries(deps, at(90))).toMatchObject({ sent: 1 });
    [row] = await database.db.select().from(alertDelivery);
    expect(row).toMatchObject({ status: "sent", attempts: 3, responseStatus: 200, nextAttemptAt: null });
    expect(r.requests).toHaveLength(3);
  });

  it("gives up after the last attempt", async () => {
    const r = await receiver([500]);
    await add({ type: "webhook", name: "Down", url: r.url, secret: SIGNING_SECRET });
    let now = new Date("2026-12-07T10:00:00Z");
    await recordAlert(deps, event(), now);
    for (let i = 1; i <= MAX_DELIVERY_ATTEMPTS; i++) {
      const summary = await runDueDeliveries(deps, now);
      expect(summary).toMatchObject(i < MAX_DELIVERY_ATTEMPTS ? { retrying: 1 } : { failed: 1 });
      const [row] = await database.db.select().from(alertDelivery);
      if (row!.nextAttemptAt) now = row!.nextAttemptAt;
    }
    const [row] = await database.db.select().from(alertDelivery);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, nextAttemptAt: null });
    expect(await runDueDeliveries(deps, new Date(now.getTime() + 86_400_000))).toMatchObject({ failed: 0 });
    expect(r.requests).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });
});

describe("where a channel may send", () => {
  it("never reaches cloud metadata, and not this machine unless private upstreams are allowed", async () => {
    await add({
      type: "webhook",
      name: "Metadata",
      url: "http://169.254.169.254/latest",
      secret: SIGNING_SECRET,
    });
    await recordAlert(deps, event());
    expect(await runDueDeliveries(deps)).toMatchObject({ retrying: 1 });
    let [row] = await database.db.select().from(alertDelivery);
    expect(row!.lastError).toMatch(/169\.254\.169\.254/);
    expect(row!.responseStatus).toBeNull();
    await database.db.delete(alertDelivery);
    await database.db.delete(alertChannel);

    // A receiver on 127.0.0.1, under the production default (no private upstreams): nothing arrives.
    const r = await receiver();
    await add({ type: "webhook", name: "Inside", url: r.url, secret: SIGNING_SECRET });
    await recordAlert(deps, event());
    const strict = { ...deps, fetch: createGuardedFetch({ policy: () => STRICT_POLICY }) };
    expect(await runDueDeliveries(strict)).toMatchObject({ sent: 0, retrying: 1 });
    [row] = await database.db.select().from(alertDelivery);
    expect(row!.lastError).toMatch(/127\.0\.0\.1/);
    expect(r.requests).toHaveLength(0);
  });
});

describe("which channels take an event", () => {
  it("follows each channel's kinds and minimum severity", async () => {
    const r = await receiver();
    await add({ type: "webhook", name: "All", url: `${r.url}/all`, secret: SIGNING_SECRET });
    await add({
      type: "webhook",
      name: "Limits only",
      url: `${r.url}/limits`,
      secret: SIGNING_SECRET,
      kinds: ["limit_reached"],
    });
    await add({
      type: "webhook",
      name: "Urgent only",
      url: `${r.url}/urgent`,
      secret: SIGNING_SECRET,
      minSeverity: "urgent",
    });
    const names = async (e: AlertEvent) => (await recordAlert(deps, e)).map((d) => d.channelName).sort();
    expect(await names(event({ kind: "limit_reached", severity: "warning", usedShare: 0.8 }))).toEqual([
      "All",
      "Limits only",
    ]);
    expect(await names(event({ kind: "leak_reported", severity: "urgent" }))).toEqual(["All", "Urgent only"]);
    expect(await names(event({ kind: "job_failing", severity: "info" }))).toEqual(["All"]);
  });

  it("drops a pending delivery whose channel was removed", async () => {
    const r = await receiver();
    const channel = await add({ type: "webhook", name: "Gone", url: r.url, secret: SIGNING_SECRET });
    await recordAlert(deps, event());
    await database.db.delete(alertChannel);
    expect(await runDueDeliveries(deps)).toMatchObject({ dropped: 1 });
    const [row] = await database.db.select().from(alertDelivery);
    expect(row).toMatchObject({
      channelId: channel.id,
      status: "dropped",
      lastError: "The channel was removed.",
    });
    expect(r.requests).toHaveLength(0);
  });
});

describe("the key_disabled alert", () => {
  it("is published when an audited disable completes, and not for a failed one or another action", async () => {
    const seen: AlertEvent[] = [];
    const off = onAlert((e) => void seen.push(e));
    try {
      const disable = {
        action: "key_disabled",
        actor: { userId: "u1", email: "support@example.com", role: "support" },
        target: { connectionId: "conn_9", serviceAccountId: "sa_1", keyId: "key_9", name: "billing" },
      };
      const ok = await beginAttempt(database.db, disable);
      await completeAttempt(database.db, ok.id, { outcome: "ok" });
      const refused = await beginAttempt(database.db, disable);
      await completeAttempt(database.db, refused.id, { outcome: "error", errorCode: "forbidden" });
      const enable = await beginAttempt(database.db, { ...disable, action: "key_enabled" });
      await completeAttempt(database.db, enable.id, { outcome: "ok" });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        kind: "key_disabled",
        severity: "warning",
        title: "Key “billing” was disabled by support@example.com",
        target: { connectionId: "conn_9", group: "sa_1", keyId: "key_9", name: "billing" },
      });
    } finally {
      off();
    }
  });
});

describe("moving to a new encryption key", () => {
  it("re-seals channel secrets under the new key, and the channel still signs with its secret", async () => {
    const r = await receiver();
    await add({ type: "webhook", name: "Rotated", url: r.url, secret: SIGNING_SECRET });
    const newKey = encryptionKey(randomBytes(32));
    const rotated: AlertDeps = {
      db: database.db,
      keys: { current: newKey, all: [newKey, deps.keys.current] },
    };
    expect(await reencryptChannelSecrets(database.db, rotated.keys)).toEqual({
      reencrypted: 1,
      unchanged: 0,
    });
    expect(await reencryptChannelSecrets(database.db, rotated.keys)).toEqual({
      reencrypted: 0,
      unchanged: 1,
    });
    // Only the new key now: the secret still opens.
    const onlyNew: AlertDeps = { db: database.db, keys: { current: newKey, all: [newKey] } };
    await recordAlert(onlyNew, event());
    expect((await runDueDeliveries(onlyNew)).sent).toBe(1);
    const got = r.requests[0]!;
    const headers = {
      signature: String(got.headers["x-keydesk-signature"]),
      timestamp: String(got.headers["x-keydesk-timestamp"]),
    };
    expect(verifySignature(SIGNING_SECRET, headers, got.body)).toBe(true);
  });
});
