// The routes that act on the primary ElevenLabs workspace alone (service accounts, keys, its
// inventory read) check the user's access to it (lib/api/deps.ts keyDeps): a user limited to other
// connections gets a 403 saying so, and nothing is sent upstream; once their access includes the
// workspace the same calls work. The routes that cover every connection (find a key, the other
// connections' keys, the export) answer such a user with their connections, the workspace left out. Real route handlers, demo mode, PGlite in a temporary folder,
// real sign-ins.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { demoHandlers, handlerParams, handlerRequest, signInDemo } from "@/tests/support/demo-handlers";

demoHandlers("keydesk-access-test-");

describe("the primary workspace's routes and a user's connections", () => {
  it(
    "refuse a user limited to other connections with a 403, sending nothing upstream",
    { timeout: 180_000 },
    async () => {
      const serviceAccounts = await import("@/app/api/service-accounts/route");
      const keys = await import("@/app/api/service-accounts/[saId]/keys/route");
      const key = await import("@/app/api/service-accounts/[saId]/keys/[keyId]/route");
      const inventory = await import("@/app/api/inventory/route");
      const inventoryExport = await import("@/app/api/inventory/export/route");
      const inventoryOthers = await import("@/app/api/inventory/connections/route");
      const findKey = await import("@/app/api/find-key/route");
      const { getDatabase } = await import("@/lib/db");
      const { user, userConnection } = await import("@/lib/db/schema");
      const { fixedConnections } = await import("@/lib/connections");

      const support = await signInDemo("support@demo.keydesk");
      const { db } = await getDatabase();
      const [supportRow] = await db.select().from(user).where(eq(user.email, "support@demo.keydesk"));
      const primary = (await fixedConnections()).find((c) => c.id === "demo-elevenlabs")!;

      // Every call the limited user may make by role, each on a real service account and key.
      const listed = await serviceAccounts.GET(handlerRequest(support, "GET", "/api/service-accounts"));
      expect(listed.status).toBe(200);
      const accounts = (await listed.json()).serviceAccounts as {
        id: string;
        keys: { id: string; name: string; enabled: boolean }[];
      }[];
      const account = accounts.find((a) => a.keys.length > 0)!;
      const aKey = account.keys[0]!;
      const calls = (who: string) => [
        () => serviceAccounts.GET(handlerRequest(who, "GET", "/api/service-accounts")),
        () =>
          keys.GET(
            handlerRequest(who, "GET", `/api/service-accounts/${account.id}/keys`),
            handlerParams({ saId: account.id }),
          ),
        () =>
          key.PATCH(
            handlerRequest(who, "PATCH", `/api/service-accounts/${account.id}/keys/${aKey.id}`, {
              enabled: aKey.enabled,
              reason: "Checking access",
              expected: { enabled: aKey.enabled },
            }),
            handlerParams({ saId: account.id, keyId: aKey.id }),
          ),
        () => inventory.GET(handlerRequest(who, "GET", "/api/inventory?fresh=1")),
      ];
      // Find a key searches every connection the person may use: limited away from the workspace,
      // it answers (their other connections' results) without searching the workspace. The other
      // connections' keys and the export answer the same way: the workspace left out, the rest there.
      const search = () =>
        findKey.POST(handlerRequest(support, "POST", "/api/find-key", { query: aKey.name }));
      const othersRead = () =>
        inventoryOthers.GET(handlerRequest(support, "GET", "/api/inventory/connections"));
      const exported = () =>
        inventoryExport.GET(handlerRequest(support, "GET", "/api/inventory/export?format=csv"));
      const connectionIdsOf = async (res: Response) =>
        [
          ...new Set(
            (await res.text())
              .split("\r\n")
              .slice(1)
              .filter(Boolean)
              .map((line) => line.split(",")[0]),
          ),
        ].sort();

      // Able to fail: with every connection, each of these works.
      for (const call of calls(support)) expect((await call()).status, String(call)).toBeLessThan(300);
      const found = await search();
      expect(found.status).toBe(200);
      expect((await found.json()).primary).not.toBeNull();
      const everything = await exported();
      expect(everything.status).toBe(200);
      expect(await connectionIdsOf(everything)).toContain("demo-elevenlabs");

      await db.insert(userConnection).values({ userId: supportRow!.id, connectionId: "demo-docspace" });
      const fetchSpy = vi.spyOn(globalThis, "fetch");
      try {
        for (const call of calls(support)) {
          const res = await call();
          expect(res.status, String(call)).toBe(403);
          const body = await res.json();
          expect(body.error.code).toBe("forbidden");
          expect(body.error.message).toBe("Your access does not include this workspace.");
        }
        const limitedSearch = await search();
        expect(limitedSearch.status).toBe(200);
        const result = await limitedSearch.json();
        expect(result.primary).toBeNull();
        expect(result.candidates).toEqual([]);
        expect(result.others.map((o: { connection: { id: string } }) => o.connection.id)).toEqual([
          "demo-docspace",
        ]);
        const others = await othersRead();
        expect(others.status).toBe(200);
        const reads = (await others.json()).connections as { connection: { id: string }; ok: boolean }[];
        expect(reads.map((r) => [r.connection.id, r.ok])).toEqual([["demo-docspace", true]]);
        const limitedExport = await exported();
        expect(limitedExport.status).toBe(200);
        expect(await connectionIdsOf(limitedExport)).toEqual(["demo-docspace"]);
        const toPrimary = fetchSpy.mock.calls.filter(([input]) =>
          String(input instanceof Request ? input.url : input).startsWith(primary.baseUrl),
        );
        expect(toPrimary).toEqual([]);
      } finally {
        fetchSpy.mockRestore();
      }

      // Adding the workspace to their connections lets them back in.
      await db.insert(userConnection).values({ userId: supportRow!.id, connectionId: "demo-elevenlabs" });
      for (const call of calls(support)) expect((await call()).status, String(call)).toBeLessThan(300);
    },
  );

  it("never limit an admin", { timeout: 60_000 }, async () => {
    const serviceAccounts = await import("@/app/api/service-accounts/route");
    const { getDatabase } = await import("@/lib/db");
    const { user, userConnection } = await import("@/lib/db/schema");
    const admin = await signInDemo("admin@demo.keydesk");
    const { db } = await getDatabase();
    const [adminRow] = await db.select().from(user).where(eq(user.email, "admin@demo.keydesk"));
    await db.insert(userConnection).values({ userId: adminRow!.id, connectionId: "demo-docspace" });
    expect((await serviceAccounts.GET(handlerRequest(admin, "GET", "/api/service-accounts"))).status).toBe(
      200,
    );
  });
});
