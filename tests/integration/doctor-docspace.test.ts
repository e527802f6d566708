// The key doctor on a DocSpace connection, against the DocSpace emulator over real HTTP with a
// real PGlite audit log: for each cause, a key set up that way through Keydesk, the error the
// emulator really answers an ordinary call with that key's secret, pasted as a caller would; the
// doctor names that cause first with its evidence, and its fix, sent as the key's PATCH route
// takes it, makes the next call succeed. Support may only enable; a reviewer gets no fix to make.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectionKey, changeConnectionKey, deleteConnectionKey } from "@/lib/connection-keys";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";
import * as docspaceTesting from "@/lib/emulator/docspace/testing";
import type { DocspaceScope } from "@/lib/providers/types";
import {
  applyFix,
  contextOf,
  diagnoseAs,
  doctorBed,
  nothingPastedKept,
  pastedFrom,
  type DoctorBed,
} from "@/tests/support/doctor-connection";

const DAY = 86_400_000;
let emulator: DocspaceEmulator;
/** The emulator's clock, moved back to make a key that has already expired by now. */
let clockOffset = 0;
let bed: DoctorBed;

beforeAll(async () => {
  emulator = await docspaceTesting.start({ now: () => Date.now() + clockOffset });
  bed = await doctorBed("docspace", emulator.url, docspaceTesting.ADMIN_TOKEN);
});
afterAll(() => emulator.close());

const MY_FILES = "/api/2.0/files/@my";
const ROOMS = "/api/2.0/files/rooms";

/** An ordinary call with the key's own secret, as the caller made it. */
async function callWith(secret: string, method = "GET", path = MY_FILES) {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: method === "POST" ? JSON.stringify({ title: "Contracts" }) : undefined,
  });
  return pastedFrom(res);
}

function newKey(name: string, scopes: DocspaceScope[], expiresInDays?: number) {
  return createConnectionKey(bed.deps, contextOf("admin"), bed.connectionId, {
    name,
    permissions: { kind: "scopes", value: scopes },
    ...(expiresInDays ? { expiresInDays } : {}),
  });
}

describe("the doctor on DocSpace keys: each cause first, with its evidence, and its fix works", () => {
  it("a deactivated key: when, by whom and why; support enables it and the next call succeeds", async () => {
    const { key, secret } = await newKey("Backups", ["files:read"]);
    await changeConnectionKey(bed.deps, contextOf("support"), bed.connectionId, key.id, undefined, {
      enabled: false,
      reason: "leaked in a chat",
      expected: { enabled: true },
    });
    const failed = await callWith(secret);
    expect(failed.status).toBe(401);
    expect(failed.pasted).toContain("The API key is deactivated.");

    const d = await diagnoseAs(bed, "support", key.id, failed.pasted);
    expect(d.understood).toBe("401: the key was refused as unknown, deleted or disabled");
    const [first] = d.causes;
    expect(first).toMatchObject({ kind: "disabled", title: "The key is disabled.", confirmed: true });
    expect(first!.evidence[0]).toMatch(
      /^Disabled on \d{4}-\d\d-\d\d \d\d:\d\d UTC by support@example\.com: leaked in a chat\.$/,
    );
    expect(first!.fix).toMatchObject({ kind: "enable", allowed: true });

    await applyFix(bed, first!.fix!, "support", key.id);
    expect((await callWith(secret)).status).toBe(200);
    await nothingPastedKept(bed, emulator.log);
  });

  it("an expired key: when it expired, and no write (an expired key cannot be renewed)", async () => {
    clockOffset = -2 * DAY;
    const { key, secret } = await newKey("Short-lived", ["files:read"], 1);
    clockOffset = 0;
    const failed = await callWith(secret);
    expect(failed.status).toBe(401);
    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.understood).toBe("401: the key has expired");
    expect(d.causes[0]).toMatchObject({
      kind: "expired",
      confirmed: true,
      fix: { kind: "new_key", write: null },
    });
    expect(d.causes[0]!.evidence[0]).toMatch(/^It expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC; /);
  });

  it("a missing scope named by the 403: an admin adds it, and the next call succeeds (read, then write)", async () => {
    const { key, secret } = await newKey("Rooms reader", ["files:read"]);
    const failed = await callWith(secret, "GET", ROOMS);
    expect(failed.status).toBe(403);
    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.causes[0]).toMatchObject({
      kind: "missing_permission",
      confirmed: true,
      title: "The key lacks the scope rooms:read.",
      evidence: ["The error names rooms:read; the key has files:read."],
      fix: { kind: "add_permission", allowed: true },
    });
    await applyFix(bed, d.causes[0]!.fix!, "admin", key.id);
    expect((await callWith(secret, "GET", ROOMS)).status).toBe(200);

    // Making a room needs the write scope: named, added, and the room is made.
    const refused = await callWith(secret, "POST", ROOMS);
    expect(refused.status).toBe(403);
    const again = await diagnoseAs(bed, "admin", key.id, refused.pasted);
    expect(again.causes[0]!.title).toBe("The key lacks the scope rooms:write.");
    await applyFix(bed, again.causes[0]!.fix!, "admin", key.id);
    expect((await callWith(secret, "POST", ROOMS)).status).toBe(200);
    // Now it has the scope: the pasted error is no longer a confirmed cause.
    const after = await diagnoseAs(bed, "admin", key.id, refused.pasted);
    expect(after.causes.every((c) => !c.confirmed)).toBe(true);
    await nothingPastedKept(bed, emulator.log);
  });

  it("a deleted key: who deleted it and why, and no write", async () => {
    const { key, secret } = await newKey("Gone", ["files:read"]);
    await deleteConnectionKey(bed.deps, contextOf("admin"), bed.connectionId, key.id, undefined, {
      reason: "no longer used",
    });
    const failed = await callWith(secret);
    expect(failed.status).toBe(401);
    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.key.found).toBe(false);
    expect(d.causes).toHaveLength(1);
    expect(d.causes[0]).toMatchObject({ kind: "deleted", fix: { kind: "new_key", write: null } });
    expect(d.causes[0]!.evidence[0]).toMatch(/^Deleted on .* by admin@example\.com: no longer used\.$/);
  });
});

describe("the operation picker (DocSpace's table)", () => {
  it("with nothing pasted, the operation picked names the scope it needs, and its fix works", async () => {
    const { key, secret } = await newKey("Picker", ["rooms:read"]);
    const d = await diagnoseAs(bed, "admin", key.id, null, "docspace_room_create");
    expect(d.causes[0]).toMatchObject({
      kind: "missing_permission",
      confirmed: true,
      evidence: ["Create a room (POST /api/2.0/files/rooms) needs rooms:write; the key has rooms:read."],
    });
    await applyFix(bed, d.causes[0]!.fix!, "admin", key.id);
    expect((await callWith(secret, "POST", ROOMS)).status).toBe(200);
  });

  it("an ElevenLabs operation is refused for a DocSpace key, naming the field", async () => {
    const { key } = await newKey("Wrong table", ["rooms:read"]);
    await expect(diagnoseAs(bed, "admin", key.id, null, "voices_list")).rejects.toMatchObject({
      code: "validation_failed",
      extra: { fields: [{ path: ["operation"] }] },
    });
  });
});

describe("the roles", () => {
  it("support may enable but not add a scope (the endpoint refuses it too); a reviewer may make no fix", async () => {
    const { key, secret } = await newKey("Roles", ["files:read"]);
    const scope = await callWith(secret, "GET", ROOMS);
    const asSupport = await diagnoseAs(bed, "support", key.id, scope.pasted);
    expect(asSupport.causes[0]!.fix).toMatchObject({ kind: "add_permission", allowed: false });
    await expect(applyFix(bed, asSupport.causes[0]!.fix!, "support", key.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await callWith(secret, "GET", ROOMS)).status).toBe(403);

    await changeConnectionKey(bed.deps, contextOf("admin"), bed.connectionId, key.id, undefined, {
      enabled: false,
    });
    const off = await callWith(secret);
    for (const pasted of [off.pasted, scope.pasted]) {
      const asReviewer = await diagnoseAs(bed, "reviewer", key.id, pasted);
      expect(asReviewer.causes.length).toBeGreaterThan(0);
      expect(asReviewer.causes.every((c) => !c.fix?.allowed)).toBe(true);
    }
  });
});
