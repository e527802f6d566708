// The key doctor through Keydesk's real route handlers, in demo mode (its DocSpace and Voiceable
// emulators, its accounts, real sign-ins): POST /api/doctor/diagnose answers each role the same
// diagnosis of a key failing against the emulator, and the fix it offers, sent to the key's own
// PATCH route, is what that route lets the role do: support enables a DocSpace key and nothing
// else, a reviewer is offered nothing and may send nothing. Nothing pasted is kept.
import { describe, expect, it } from "vitest";
import type { Diagnosis, Fix } from "@/lib/doctor/types";
import { demoHandlers, handlerParams, handlerRequest, signInDemo } from "@/tests/support/demo-handlers";

demoHandlers("keydesk-doctor-routes-");

const MARKER = "pasted-marker-9d2b";

/** The demo's admin, support and reviewer, signed in. */
const signInAll = async (): Promise<[string, string, string]> => [
  await signInDemo("admin@demo.keydesk"),
  await signInDemo("support@demo.keydesk"),
  await signInDemo("reviewer@demo.keydesk"),
];

async function baseUrlOf(connectionId: string): Promise<string> {
  const { fixedConnections } = await import("@/lib/connections");
  return (await fixedConnections()).find((c) => c.id === connectionId)!.baseUrl;
}

async function createKey(cookie: string, connectionId: string, body: unknown) {
  const route = await import("@/app/api/connections/[connectionId]/keys/route");
  const path = `/api/connections/${connectionId}/keys`;
  const res = await route.POST(handlerRequest(cookie, "POST", path, body), handlerParams({ connectionId }));
  expect(res.status).toBe(201);
  return (await res.json()) as { key: { id: string }; secret: string };
}

async function diagnose(cookie: string, connectionId: string, keyId: string, pasted: string) {
  const route = await import("@/app/api/doctor/diagnose/route");
  const res = await route.POST(
    handlerRequest(cookie, "POST", "/api/doctor/diagnose", { connectionId, keyId, saId: null, pasted }),
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { diagnosis: Diagnosis }).diagnosis;
}

/** Sends the fix exactly as the panel does: its method, URL and body, to the key's PATCH route. */
async function send(cookie: string, fix: Fix, connectionId: string, keyId: string) {
  const route = await import("@/app/api/connections/[connectionId]/keys/[keyId]/route");
  expect(fix.write!.url).toBe(`/api/connections/${connectionId}/keys/${keyId}`);
  const req = handlerRequest(cookie, fix.write!.method, fix.write!.url, fix.write!.body);
  return route.PATCH(req, handlerParams({ connectionId, keyId }));
}

const pastedOf = async (res: Response) => `${MARKER} HTTP/1.1 ${res.status} ${await res.text()}`;

describe("the doctor's routes on DocSpace and Voiceable keys", { timeout: 240_000 }, () => {
  it("DocSpace: support enables a deactivated key and may not add a scope; a reviewer may send no fix", async () => {
    const [admin, support, reviewer] = await signInAll();
    const id = "demo-docspace";
    const base = await baseUrlOf(id);
    const { key, secret } = await createKey(admin, id, {
      name: "Doctor routes",
      permissions: { kind: "scopes", value: ["files:read"] },
    });
    const callMyFiles = (path = "/api/2.0/files/@my") =>
      fetch(`${base}${path}`, { headers: { authorization: `Bearer ${secret}` } });

    // A missing scope: support and a reviewer see it, neither may add it.
    const scope = await pastedOf(await callMyFiles("/api/2.0/files/rooms"));
    for (const cookie of [support, reviewer]) {
      const d = await diagnose(cookie, id, key.id, scope);
      expect(d.causes[0]).toMatchObject({ kind: "missing_permission", fix: { allowed: false } });
      expect((await send(cookie, d.causes[0]!.fix!, id, key.id)).status).toBe(403);
    }

    // Deactivated: support is offered the enable and the route takes it; a reviewer is offered nothing.
    const patch = await import("@/app/api/connections/[connectionId]/keys/[keyId]/route");
    const off = await patch.PATCH(
      handlerRequest(support, "PATCH", `/api/connections/${id}/keys/${key.id}`, {
        enabled: false,
        reason: "leaked in a chat",
      }),
      handlerParams({ connectionId: id, keyId: key.id }),
    );
    expect(off.status).toBe(200);
    const refused = await callMyFiles();
    expect(refused.status).toBe(401);
    const pasted = await pastedOf(refused);
    const asReviewer = await diagnose(reviewer, id, key.id, pasted);
    expect(asReviewer.causes[0]!.kind).toBe("disabled");
    expect(asReviewer.causes.every((c) => !c.fix?.allowed)).toBe(true);
    expect((await send(reviewer, asReviewer.causes[0]!.fix!, id, key.id)).status).toBe(403);

    const asSupport = await diagnose(support, id, key.id, pasted);
    expect(asSupport.causes[0]).toMatchObject({ kind: "disabled", fix: { kind: "enable", allowed: true } });
    expect(asSupport.causes[0]!.evidence[0]).toMatch(/by support@demo\.keydesk: leaked in a chat\.$/);
    expect((await send(support, asSupport.causes[0]!.fix!, id, key.id)).status).toBe(200);
    expect((await callMyFiles()).status).toBe(200);

    const { getDatabase } = await import("@/lib/db");
    const { auditLog } = await import("@/lib/db/schema");
    const rows = await (await getDatabase()).db.select().from(auditLog);
    expect(JSON.stringify(rows)).not.toContain(MARKER);
  });

  it("Voiceable: an admin adds the refused origin through the route; support and a reviewer may not", async () => {
    const [admin, support, reviewer] = await signInAll();
    const id = "demo-voiceable";
    const base = await baseUrlOf(id);
    const { key, secret } = await createKey(admin, id, {
      name: "Doctor widget",
      permissions: { kind: "key_type", value: "public" },
      allowedOrigins: ["https://app.example.com"],
      assistants: { allowed: [], transient: false },
    });
    const startCall = () =>
      fetch(`${base}/calls`, {
        method: "POST",
        headers: {
          "x-api-key": secret,
          origin: "https://shop.example.com",
          "content-type": "application/json",
        },
        body: JSON.stringify({ assistant_id: "asst_support" }),
      });
    const refused = await startCall();
    expect(refused.status).toBe(403);
    const pasted = await pastedOf(refused);
    for (const cookie of [support, reviewer]) {
      const d = await diagnose(cookie, id, key.id, pasted);
      expect(d.causes[0]).toMatchObject({ kind: "origin_not_allowed", fix: { allowed: false } });
      expect((await send(cookie, d.causes[0]!.fix!, id, key.id)).status).toBe(403);
    }
    const d = await diagnose(admin, id, key.id, pasted);
    expect(d.causes[0]).toMatchObject({
      kind: "origin_not_allowed",
      fix: { kind: "add_origin", allowed: true },
    });
    expect((await send(admin, d.causes[0]!.fix!, id, key.id)).status).toBe(200);
    expect((await startCall()).status).toBe(201);
  });
});
