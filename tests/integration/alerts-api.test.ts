// The /api/alerts handlers: admins only (support and reviewers get a 403, nothing changed), a 422
// naming the field for bad input (nothing stored), the secret never in an answer, the audit log or the
// database in the clear, and a test send that arrives at a local receiver and lands in the delivery
// log. Real route handlers, demo mode, PGlite in a temporary folder, real sign-ins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpReceiver, type HttpReceiver } from "@/tests/support/smtp-http-receiver";

import { demoHandlers, handlerParams, handlerRequest, signInDemo } from "@/tests/support/demo-handlers";

const SECRET = "whsec-api-test-0123456789abcdef";
let receiver: HttpReceiver;

demoHandlers("keydesk-alerts-api-");
beforeAll(async () => {
  receiver = await startHttpReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe("/api/alerts", () => {
  it(
    "lets admins add, test and remove channels and read the log; refuses others; 422s name the field",
    { timeout: 240_000 },
    async () => {
      const channels = await import("@/app/api/alerts/channels/route");
      const channel = await import("@/app/api/alerts/channels/[channelId]/route");
      const test = await import("@/app/api/alerts/channels/[channelId]/test/route");
      const deliveries = await import("@/app/api/alerts/deliveries/route");
      const { getDatabase } = await import("@/lib/db");
      const { alertChannel, alertDelivery, auditLog } = await import("@/lib/db/schema");
      const { db } = await getDatabase();

      const admin = await signInDemo("admin@demo.keydesk");
      const support = await signInDemo("support@demo.keydesk");
      const reviewer = await signInDemo("reviewer@demo.keydesk");
      const webhook = { type: "webhook", name: "Ops hook", url: `${receiver.url}/hook`, secret: SECRET };

      // Not admins: 403 on every handler, nothing stored or sent.
      for (const who of [support, reviewer]) {
        expect((await channels.GET(handlerRequest(who, "GET", "/api/alerts/channels"))).status).toBe(403);
        expect(
          (await channels.POST(handlerRequest(who, "POST", "/api/alerts/channels", webhook))).status,
        ).toBe(403);
        expect(
          (
            await channel.DELETE(
              handlerRequest(who, "DELETE", "/api/alerts/channels/x"),
              handlerParams({ channelId: "x" }),
            )
          ).status,
        ).toBe(403);
        expect(
          (
            await test.POST(
              handlerRequest(who, "POST", "/api/alerts/channels/x/test"),
              handlerParams({ channelId: "x" }),
            )
          ).status,
        ).toBe(403);
        expect((await deliveries.GET(handlerRequest(who, "GET", "/api/alerts/deliveries"))).status).toBe(403);
      }
      expect(await db.select().from(alertChannel)).toHaveLength(0);

      // Bad input: a 422 naming the field; nothing stored.
      const bad = async (body: unknown, field: string) => {
        const res = await channels.POST(handlerRequest(admin, "POST", "/api/alerts/channels", body));
        expect(res.status, JSON.stringify(body)).toBe(422);
        const answer = await res.json();
        expect(JSON.stringify(answer)).toContain(`"${field}"`);
        expect(JSON.stringify(answer)).not.toContain("tooshort");
      };
      await bad({ ...webhook, url: "ftp://example.com/hook" }, "url");
      await bad({ ...webhook, secret: "tooshort" }, "secret");
      await bad({ ...webhook, type: "pager" }, "type");
      await bad({ ...webhook, kinds: ["everything"] }, "kinds");
      await bad(
        {
          type: "email",
          name: "Mail",
          host: "127.0.0.1",
          port: 25,
          security: "none",
          user: "alerts",
          password: "tooshort",
          from: "keydesk@example.com",
          to: ["ops@example.com"],
        },
        "password",
      );
      await bad(
        {
          type: "email",
          name: "Mail",
          host: "smtp.example.com",
          port: 0,
          security: "tls",
          from: "x",
          to: [],
        },
        "port",
      );
      expect(await db.select().from(alertChannel)).toHaveLength(0);

      // Added: the answer shows the secret's last four only.
      const added = await channels.POST(handlerRequest(admin, "POST", "/api/alerts/channels", webhook));
      expect(added.status).toBe(201);
      const addedText = await added.text();
      expect(addedText).not.toContain(SECRET);
      const { channel: view } = JSON.parse(addedText);
      expect(view).toMatchObject({ name: "Ops hook", type: "webhook", secretHint: SECRET.slice(-4) });
      await bad(webhook, "name"); // the same name again

      const listed = await channels.GET(handlerRequest(admin, "GET", "/api/alerts/channels"));
      const listedText = await listed.text();
      expect(listedText).not.toContain(SECRET);
      expect(JSON.parse(listedText).channels.map((c: { id: string }) => c.id)).toEqual([view.id]);

      // A test send arrives, signed, and is in the log.
      const tested = await test.POST(
        handlerRequest(admin, "POST", `/api/alerts/channels/${view.id}/test`),
        handlerParams({ channelId: view.id }),
      );
      expect(tested.status).toBe(200);
      expect((await tested.json()).test).toMatchObject({ ok: true, responseStatus: 200 });
      expect(receiver.requests).toHaveLength(1);
      expect(JSON.parse(receiver.requests[0]!.body).event.kind).toBe("channel_test");
      const log = await (await deliveries.GET(handlerRequest(admin, "GET", "/api/alerts/deliveries"))).json();
      expect(log.deliveries).toMatchObject([
        { channelName: "Ops hook", eventKind: "channel_test", status: "sent", attempts: 1 },
      ]);

      const removed = await channel.DELETE(
        handlerRequest(admin, "DELETE", `/api/alerts/channels/${view.id}`),
        handlerParams({ channelId: view.id }),
      );
      expect(removed.status).toBe(200);
      expect(await db.select().from(alertChannel)).toHaveLength(0);
      const missing = await channel.DELETE(
        handlerRequest(admin, "DELETE", `/api/alerts/channels/${view.id}`),
        handlerParams({ channelId: view.id }),
      );
      expect(missing.status).toBe(404);

      // Audited, and the secret is nowhere in the clear.
      const audit = await db.select().from(auditLog);
      expect(audit.map((r) => r.action).filter((a) => a.startsWith("alert_"))).toEqual([
        "alert_channel_created",
        "alert_channel_tested",
        "alert_channel_removed",
      ]);
      const stored = JSON.stringify([audit, await db.select().from(alertDelivery)]);
      expect(stored).not.toContain(SECRET);
    },
  );
});
