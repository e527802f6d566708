// The key doctor on a Voiceable connection, against the Voiceable emulator over real HTTP with a
// real PGlite audit log: for each cause, a key set up that way through Keydesk, the error the
// emulator really answers a call (POST /calls) with that key's secret, pasted as a caller would;
// the doctor names that cause first with its evidence, and its fix, sent as the key's PATCH route
// takes it, makes the next call succeed. Voiceable has no disable, so support has no fix to make;
// a reviewer none either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectionKey, deleteConnectionKey } from "@/lib/connection-keys";
import type { VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import * as voiceableTesting from "@/lib/emulator/voiceable/testing";
import {
  applyFix,
  contextOf,
  diagnoseAs,
  doctorBed,
  nothingPastedKept,
  pastedFrom,
  type DoctorBed,
} from "@/tests/support/doctor-connection";

let emulator: VoiceableEmulator;
let bed: DoctorBed;

beforeAll(async () => {
  emulator = await voiceableTesting.start();
  bed = await doctorBed("voiceable", `${emulator.url}/api/v1`, voiceableTesting.OWNER_KEY);
});
afterAll(() => emulator.close());

const SAVED = { assistant_id: "asst_support" };
const INLINE = { assistant: { first_message: "Hello!" } };

/** A call with the key's own secret, from a web page (`origin`) or a server (none). */
async function callWith(secret: string, body: object = SAVED, origin?: string) {
  const res = await fetch(`${emulator.url}/api/v1/calls`, {
    method: "POST",
    headers: { "x-api-key": secret, "content-type": "application/json", ...(origin ? { origin } : {}) },
    body: JSON.stringify(body),
  });
  return pastedFrom(res);
}

function newKey(
  name: string,
  over: { type?: "private" | "public"; origins?: string[]; assistants?: string[]; transient?: boolean } = {},
) {
  return createConnectionKey(bed.deps, contextOf("admin"), bed.connectionId, {
    name,
    permissions: { kind: "key_type", value: over.type ?? "private" },
    allowedOrigins: over.origins ?? [],
    assistants: { allowed: over.assistants ?? [], transient: over.transient ?? false },
  });
}

describe("the doctor on Voiceable keys: each cause first, with its evidence, and its fix works", () => {
  it("an origin the key does not allow: named from the error; an admin adds it and the widget's next call starts", async () => {
    const { key, secret } = await newKey("Widget", { type: "public", origins: ["https://app.example.com"] });
    const failed = await callWith(secret, SAVED, "https://shop.example.com");
    expect(failed.status).toBe(403);

    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.understood).toBe("403: the caller's origin (https://shop.example.com) is not allowed");
    expect(d.causes[0]).toMatchObject({
      kind: "origin_not_allowed",
      confirmed: true,
      title: "The caller's origin https://shop.example.com is not on the key's allowed origins.",
      evidence: ["The key allows only https://app.example.com; the error names https://shop.example.com."],
      fix: { kind: "add_origin", allowed: true },
    });
    await applyFix(bed, d.causes[0]!.fix!, "admin", key.id);
    expect((await callWith(secret, SAVED, "https://shop.example.com")).status).toBe(201);
    expect((await callWith(secret, SAVED, "https://app.example.com")).status).toBe(201);
    await nothingPastedKept(bed, emulator.log);
  });

  it("a call with no origin to a key bound to origins: named, and no write (the caller should use a private key)", async () => {
    const { key, secret } = await newKey("Widget only", {
      type: "public",
      origins: ["https://app.example.com"],
    });
    const failed = await callWith(secret);
    expect(failed.status).toBe(403);
    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.causes[0]).toMatchObject({
      kind: "origin_not_allowed",
      confirmed: true,
      title: "The call carried no origin, and the key may be used only from its allowed origins.",
      fix: null,
    });
  });

  it("an assistant the key does not allow: an admin adds it and the next call starts", async () => {
    const { key, secret } = await newKey("Sales line", { assistants: ["asst_sales"] });
    const failed = await callWith(secret);
    expect(failed.status).toBe(403);
    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.causes[0]).toMatchObject({
      kind: "assistant_not_allowed",
      confirmed: true,
      title: "The key may not use the assistant asst_support.",
      evidence: ["The key allows only asst_sales; the error names asst_support."],
      fix: { kind: "add_assistant", allowed: true },
    });
    await applyFix(bed, d.causes[0]!.fix!, "admin", key.id);
    expect((await callWith(secret)).status).toBe(201);
    // Allowed now: the same pasted error is no longer a confirmed cause.
    const after = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(after.causes.every((c) => !c.confirmed)).toBe(true);
  });

  it("an inline assistant on a key without transient assistants: an admin turns them on and the next call starts", async () => {
    const { key, secret } = await newKey("Inline", { assistants: ["asst_sales"] });
    const failed = await callWith(secret, INLINE);
    expect(failed.status).toBe(403);
    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.causes[0]).toMatchObject({
      kind: "transient_not_allowed",
      confirmed: true,
      title: "The key may not start calls with an inline (transient) assistant.",
      fix: { kind: "allow_transient", allowed: true },
    });
    const { key: changed } = await applyFix(bed, d.causes[0]!.fix!, "admin", key.id);
    // Only transient changed: the allowed assistants are kept.
    expect(changed.restrictions.assistants).toEqual({ allowed: ["asst_sales"], transient: true });
    expect((await callWith(secret, INLINE)).status).toBe(201);
    await nothingPastedKept(bed, emulator.log);
  });

  it("a deleted key: who deleted it and why, and no write", async () => {
    const { key, secret } = await newKey("Old line");
    await deleteConnectionKey(bed.deps, contextOf("admin"), bed.connectionId, key.id, undefined, {
      reason: "replaced",
    });
    const failed = await callWith(secret);
    expect(failed.status).toBe(401);
    expect(failed.pasted).toContain("Authentication required.");
    const d = await diagnoseAs(bed, "admin", key.id, failed.pasted);
    expect(d.key.found).toBe(false);
    expect(d.causes[0]).toMatchObject({ kind: "deleted", fix: { kind: "new_key", write: null } });
    expect(d.causes[0]!.evidence[0]).toMatch(/^Deleted on .* by admin@example\.com: replaced\.$/);
  });
});

describe("the operation picker", () => {
  it("Voiceable has no operations table: any operation is refused, naming the field", async () => {
    const { key } = await newKey("No table");
    for (const operation of ["voices_list", "docspace_rooms"])
      await expect(diagnoseAs(bed, "admin", key.id, null, operation)).rejects.toMatchObject({
        code: "validation_failed",
        extra: { fields: [{ path: ["operation"] }] },
      });
  });
});

describe("the roles", () => {
  it("support and a reviewer see the diagnosis but may make no fix; support sending one is refused", async () => {
    const { key, secret } = await newKey("Roles", { type: "public", origins: ["https://app.example.com"] });
    const origin = await callWith(secret, SAVED, "https://shop.example.com");
    const inline = await callWith(secret, INLINE, "https://app.example.com");
    for (const role of ["support", "reviewer"] as const)
      for (const { pasted } of [origin, inline]) {
        const d = await diagnoseAs(bed, role, key.id, pasted);
        expect(d.causes[0]!.confirmed).toBe(true);
        expect(d.causes[0]!.fix!.write).not.toBeNull();
        expect(d.causes.every((c) => !c.fix?.allowed)).toBe(true);
      }
    const d = await diagnoseAs(bed, "support", key.id, origin.pasted);
    await expect(applyFix(bed, d.causes[0]!.fix!, "support", key.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await callWith(secret, SAVED, "https://shop.example.com")).status).toBe(403);
  });
});
